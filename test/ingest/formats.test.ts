/**
 * PDF and DOCX loading: pages, paragraphs and titles; every refusal (scan,
 * encrypted, image, archive, bombs, limits) is one clear UserError with its
 * code, and nothing is returned.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { sourceFromBytes } from '../../src/ingest/bytes.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from '../../src/ingest/limits.js';
import { UserError } from '../../src/errors.js';
import { writeDocx, writePdf, writeZip } from '../helpers/doc-writers.js';
import { ROOT } from '../helpers/paths.js';
import { makeDocs, MEMO_TITLE, REPORT_PAGES, REPORT_TITLE } from '../fixtures/make-docs.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/docs');
const load = (bytes: Buffer, name: string, limits: Partial<ExtractLimits> = {}) =>
  sourceFromBytes(bytes, { id: name, path: name, name }, { ...DEFAULT_EXTRACT_LIMITS, ...limits });

/** The refusal a load ends with (fails the test when it loads). */
async function refusal(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, 'expected a refusal').toBeInstanceOf(UserError);
  return e as UserError;
}

describe('PDF', () => {
  it('given the committed report.pdf, when loaded, then each paragraph carries its page and the metadata title', async () => {
    const src = await load(await readFile(path.join(FIXTURES, 'report.pdf')), 'report.pdf');
    const doc = buildDocument(src);
    expect(doc.title).toBe(REPORT_TITLE);
    const body = doc.paragraphs.filter((p) => p.kind === 'body');
    // The generator's paragraphs, in order, each on the page it was drawn on.
    const expected = REPORT_PAGES.flatMap((paras, i) => paras.map((lines) => ({ page: i + 1, text: lines.join(' ') }))).filter((p) => p.text !== REPORT_TITLE);
    expect(body.map((p) => ({ page: p.page, text: doc.text.slice(p.start, p.end) }))).toEqual(expected);
    expect(src.pages).toHaveLength(3);
  });

  it('given a page with no text between pages with text, then page numbers still count it', async () => {
    const bytes = writePdf({ pages: [[['First page text here.']], [], [['Third page text here.']]] });
    const doc = buildDocument(await load(bytes, 'gap.pdf'));
    expect(doc.paragraphs.map((p) => [doc.text.slice(p.start, p.end), p.page])).toEqual([
      ['First page text here.', 1],
      ['Third page text here.', 3],
    ]);
  });

  it('given page numbers printed at the top or bottom of pages, then they are not paragraphs', async () => {
    const bytes = writePdf({ pages: [[['First page text here.'], ['1']], [['- 2 -'], ['Second page text here.']], [['Page 3 of 3'], ['Third page: 3 items.'], ['3']]] });
    const doc = buildDocument(await load(bytes, 'numbered.pdf'));
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(['First page text here.', 'Second page text here.', 'Third page: 3 items.']);
  });

  it('given a scanned PDF (pages without a text layer), then it is refused as such', async () => {
    const e = await refusal(load(writePdf({ pages: [[], []] }), 'scan.pdf'));
    expect(e.code).toBe('no_text_layer');
    expect(e.message).toMatch(/scan\.pdf has no text layer.*OCR/);
  });

  it('given an encrypted PDF, then it is refused as encrypted', async () => {
    const e = await refusal(load(writePdf({ pages: [[['Secret words.']]], encrypt: true }), 'locked.pdf'));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/locked\.pdf is encrypted/);
  });

  it('given a content stream that inflates past the budget (a PDF bomb), then zlib stops it while inflating', async () => {
    const bomb = writePdf({ pages: [[['x']]], rawContent: Buffer.alloc(8 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const e = await refusal(load(bomb, 'bomb.pdf', { maxExpandedBytes: 1024 * 1024 }));
    expect(e.code).toBe('expands_too_far');
    // Stopped by zlib's output limit, i.e. before more than the budget was ever allocated.
    expect((e.cause as NodeJS.ErrnoException)?.code).toBe('ERR_BUFFER_TOO_LARGE');
  });

  it('given a damaged PDF that is not encrypted, then it is refused as unreadable, not as encrypted', async () => {
    const e = await refusal(load(Buffer.from('%PDF-1.4\n1 0 obj\n<< garbage >>\nendobj\n%%EOF\n', 'latin1'), 'broken.pdf'));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/broken\.pdf could not be read/);
  });

  it('given more pages or more text than the limits, then it is refused', async () => {
    const pages = Array.from({ length: 5 }, (_, i) => [[`Page ${i + 1} says something long enough to count.`]]);
    expect((await refusal(load(writePdf({ pages }), 'long.pdf', { maxPages: 4 }))).message).toMatch(/5 pages; the limit is 4/);
    const e = await refusal(load(writePdf({ pages }), 'long.pdf', { maxTextChars: 100 }));
    expect(e.code).toBe('too_much_text');
  });
});

describe('DOCX', () => {
  it('given the committed memo.docx, when loaded, then its paragraphs and dc:title come through', async () => {
    const doc = buildDocument(await load(await readFile(path.join(FIXTURES, 'memo.docx')), 'memo.docx'));
    expect(doc.title).toBe(MEMO_TITLE);
    const body = doc.paragraphs.filter((p) => p.kind === 'body').map((p) => doc.text.slice(p.start, p.end));
    expect(body[1]).toBe('"Every bag we lift out is a bag the tide does not carry to the bay," the organiser, Lena Duarte, told the volunteers on the last morning.');
    expect(doc.paragraphs.every((p) => p.page === undefined)).toBe(true);
  });

  it('given a zip whose central directory declares more than the budget, then it is refused before inflating', async () => {
    const honest = writeDocx({ paragraphs: ['Hi.'], extra: [{ name: 'word/media/big.bin', data: Buffer.alloc(3 * 1024 * 1024) }] });
    const e = await refusal(load(honest, 'big.docx', { maxExpandedBytes: 1024 * 1024 }));
    expect(e.code).toBe('expands_too_far');
    expect(e.cause).toBeUndefined();
  });

  it('given a zip bomb that lies about its sizes, then reading stops as soon as it inflates past what it declared or the budget', async () => {
    const liar = writeDocx({ paragraphs: ['Hi.'], extra: [{ name: 'word/media/a.bin', data: Buffer.alloc(16 * 1024 * 1024), declaredSize: 100 }] });
    expect(liar.length).toBeLessThan(64 * 1024);
    const e = await refusal(load(liar, 'liar.docx', { maxExpandedBytes: 1024 * 1024 }));
    expect(e.code).toBe('expands_too_far');
    expect(e.message).toMatch(/liar\.docx expands to more than 1 MB when unpacked/);
  });

  it('given a DOCX whose text is exactly the limit, when loaded, then it is read (only more than the limit is refused)', async () => {
    const bytes = writeDocx({ paragraphs: ['First paragraph here.', 'Second one.'] });
    const chars = (await load(bytes, 'exact.docx')).text.length;
    expect((await load(bytes, 'exact.docx', { maxTextChars: chars })).text).toContain('Second one.');
    expect((await refusal(load(bytes, 'exact.docx', { maxTextChars: chars - 1 }))).code).toBe('too_much_text');
  });

  it('given a DOCX with more text than the limit, then it is refused', async () => {
    const e = await refusal(load(writeDocx({ paragraphs: ['word '.repeat(100)] }), 'long.docx', { maxTextChars: 100 }));
    expect(e.code).toBe('too_much_text');
  });
});

describe('HTML and text from bytes', () => {
  const PAGE = '<!-- saved from the council site -->\n<html><head><title>Council</title></head><body><p>The council met on Friday.</p><p>Delegates agreed on the budget.</p></body></html>';

  it('given an HTML page that does not start with a doctype or <html>, in a file named .html, when read from bytes, then its markup is extracted, not stored as text', async () => {
    const src = await load(Buffer.from(PAGE), 'page.html');
    expect(src.text).not.toContain('<p>');
    expect(src.title).toBe('Council');
    expect(src.text).toContain('Delegates agreed on the budget.');
  });

  it('given the same page named .txt, when read from bytes, then it is kept as plain text', async () => {
    expect((await load(Buffer.from(PAGE), 'page.txt')).text).toBe(PAGE);
  });
});

describe('formats that are refused', () => {
  const cases: [string, Buffer, string, RegExp][] = [
    ['photo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image', /photo\.png is an image/],
    ['photo.jpg', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image', /is an image/],
    ['files.zip', writeZip([{ name: 'a.txt', data: Buffer.from('hello') }]), 'archive', /files\.zip is an archive/],
    ['files.tar.gz', gzipSync(Buffer.from('hello')), 'archive', /is an archive/],
    ['sheet.xlsx', writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]), 'unsupported_format', /is an Excel spreadsheet/],
    ['slides.pptx', writeZip([{ name: 'ppt/presentation.xml', data: Buffer.from('<x/>') }]), 'unsupported_format', /is a PowerPoint presentation/],
    ['files.7z', Buffer.from('377abcaf271c000400000000', 'hex'), 'archive', /files\.7z is an archive/],
    ['files.rar', Buffer.from('526172211a0700cf9073', 'hex'), 'archive', /is an archive/],
    ['old.doc', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), 'unsupported_format', /old-style Office file/],
  ];
  for (const [name, bytes, code, message] of cases) {
    it(`given ${name}, then one clear refusal (${code})`, async () => {
      const e = await refusal(load(bytes, name));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  }

  it('given a DOCX whose XML uses an undeclared entity (an XXE or billion-laughs attempt), then it is refused in one line with the parser error kept as the cause', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Annan &e; said.</w:t></w:r></w:p></w:body></w:document>';
    const bytes = writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from(xml) }]);
    const e = await refusal(load(bytes, 'xxe.docx'));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/^xxe\.docx could not be read \(.*entity not found.*\) — is the file damaged\?$/);
    expect(e.message).not.toMatch(/[\r\n\t]|@#/);
    expect(e.message).not.toContain('root:');
    expect((e.cause as Error).message).toMatch(/\n/);
  });

  it('given a PNG renamed report.pdf, then it is still refused as an image (bytes decide, not the name)', async () => {
    expect((await refusal(load(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'report.pdf'))).code).toBe('image');
  });
});

describe('fixtures', () => {
  it('given the generator, when run again, then it writes exactly the committed bytes', async () => {
    for (const [name, bytes] of Object.entries(makeDocs())) expect(bytes.equals(await readFile(path.join(FIXTURES, name))), name).toBe(true);
  });
});
