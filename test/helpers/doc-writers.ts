/**
 * Tiny, dependency-free writers for the document formats the loaders read:
 * a PDF of text objects (one content stream per page, Helvetica, optional
 * FlateDecode) and a ZIP (so a DOCX, or an archive, or a zip bomb). Used by
 * `test/fixtures/make-docs.ts` (committed fixtures) and by tests that need
 * hostile files made on the fly. Deterministic: same input, same bytes.
 *
 * @example
 * const pdf = writePdf({ title: 'Report', pages: [['First paragraph line one', 'line two'], ['Page two.']] });
 * const docx = writeDocx({ title: 'Memo', paragraphs: ['Hello.', 'World.'] });
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

/** A page is a list of paragraphs; a paragraph is a list of lines. */
export interface PdfSpec {
  title?: string;
  pages: string[][][];
  /** Compress content streams (default true). */
  compress?: boolean;
  /** Add an /Encrypt dictionary to the trailer (the file is then "encrypted"). */
  encrypt?: boolean;
  /** Replace the first page's content stream with these raw (uncompressed) bytes, deflated — e.g. a bomb. */
  rawContent?: Buffer;
}

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A PDF whose pages draw their paragraphs as text lines (14 pt leading, a 28 pt gap between paragraphs). */
export function writePdf(spec: PdfSpec): Buffer {
  const compress = spec.compress ?? true;
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (content: Buffer, deflate: boolean) => {
    const data = deflate ? deflateSync(content) : content;
    return Buffer.concat([
      Buffer.from(`<< /Length ${data.length}${deflate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  };
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesIdx = add(''); // filled below
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  spec.pages.forEach((paragraphs, pi) => {
    const ops: string[] = ['BT', '/F1 11 Tf', '14 TL', '72 720 Td'];
    paragraphs.forEach((lines, i) => {
      if (i > 0) ops.push('0 -14 Td'); // an extra line of space: a paragraph break
      for (const line of lines) ops.push(`${pdfString(line)} Tj`, 'T*');
    });
    ops.push('ET');
    const content = pi === 0 && spec.rawContent ? spec.rawContent : Buffer.from(ops.join('\n'), 'latin1');
    const contentObj = add(stream(content, compress || !!spec.rawContent));
    kids.push(add(`<< /Type /Page /Parent ${pagesIdx} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contentObj} 0 R >>`));
  });
  objects[pagesIdx - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const info = spec.title ? add(`<< /Title ${pdfString(spec.title)} /Producer (verbatim test fixtures) >>`) : 0;
  const encrypt = spec.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'28bf4e5e4e758a41'.repeat(4)}> /U <${'64003e56fefa0108'.repeat(4)}> >>`) : 0;

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Lie in the headers about the uncompressed size (zip bomb that hides its size). */
  declaredSize?: number;
}

/** A ZIP archive (no data descriptors, no zip64), fixed timestamps so output is deterministic. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.store ? e.data : deflateRawSync(e.data);
    const method = e.store ? 0 : 8;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A minimal valid DOCX: [Content_Types].xml, _rels/.rels, word/document.xml, docProps/core.xml (title). */
export function writeDocx(spec: { title?: string; paragraphs: string[]; extra?: ZipEntry[] }): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = spec.paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`) },
    {
      name: 'docProps/core.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
          `${spec.title ? `<dc:title>${xmlEscape(spec.title)}</dc:title>` : ''}</cp:coreProperties>`,
      ),
    },
    ...(spec.extra ?? []),
  ];
  return writeZip(entries);
}
