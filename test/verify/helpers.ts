import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findQuotations } from '../../src/quotes/index.js';
import { buildDocument } from '../../src/ingest/document.js';
import { DEFAULT_DOC, ROOT } from '../helpers/paths.js';

/** The default document and the news fixtures, indexed together, with their quotation index. */
export function corpus() {
  const ids = [DEFAULT_DOC, ...readdirSync(path.join(ROOT, 'test/fixtures/news')).sort().map((f) => `test/fixtures/news/${f}`)];
  const docs = ids.map((id) => buildDocument({ id, path: id, text: readFileSync(path.join(ROOT, id), 'utf8') }));
  return { docs, quotations: docs.flatMap((d) => findQuotations(d)) };
}
