/**
 * Discord's attachment CDN, faked on 127.0.0.1: files registered here are
 * served at `http://127.0.0.1:PORT/attachments/<channel>/<id>/<name>`, and
 * `attachment()` returns the object Discord puts in an interaction's
 * `resolved.attachments` (id, filename, size, content_type, url, proxy_url).
 * `dripMs` sends the body in slices over that many milliseconds, so a slow
 * download (and the bot's progress edits) can be observed.
 *
 * @example
 * const cdn = await startAttachmentCdn();
 * const att = cdn.add({ name: 'report.pdf', bytes, contentType: 'application/pdf' });
 * await fake.sendInteraction({ type: 2, data: { name: 'docs', options: [...], resolved: { attachments: { [att.id]: att } } } });
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CdnAttachment {
  id: string;
  filename: string;
  size: number;
  content_type?: string;
  url: string;
  proxy_url: string;
}

export interface AttachmentCdn {
  add(file: { name: string; bytes: Buffer; contentType?: string; channelId?: string; dripMs?: number; size?: number }): CdnAttachment;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

export async function startAttachmentCdn(): Promise<AttachmentCdn> {
  const files = new Map<string, { bytes: Buffer; type?: string; dripMs: number }>();
  const hits: string[] = [];
  let next = 900000000000000001n;
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '').split('?')[0]!;
    hits.push(p);
    const f = files.get(p);
    if (!f) return void res.writeHead(404).end('404: Not Found');
    res.writeHead(200, { 'content-type': f.type ?? 'application/octet-stream', 'content-length': String(f.bytes.length) });
    if (!f.dripMs) return void res.end(f.bytes);
    const slices = 10;
    const size = Math.ceil(f.bytes.length / slices);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(f.bytes.subarray(i * size, (i + 1) * size));
      if (++i >= slices) {
        clearInterval(timer);
        res.end();
      }
    }, f.dripMs / slices);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hits,
    add(file) {
      const id = String(next++);
      const p = `/attachments/${file.channelId ?? '300000000000000001'}/${id}/${encodeURIComponent(file.name)}`;
      files.set(p, { bytes: file.bytes, type: file.contentType, dripMs: file.dripMs ?? 0 });
      const url = `${base}${p}?ex=68000000&is=67f00000&hm=${'0'.repeat(64)}&`;
      return { id, filename: file.name, size: file.size ?? file.bytes.length, ...(file.contentType ? { content_type: file.contentType } : {}), url, proxy_url: url.replace('/attachments/', '/proxy/attachments/') };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
