/** The quotations found in a document made of these paragraphs, as [quote, speaker] pairs (for the attribution tests). */
import { buildDocument } from '../../src/ingest/document.js';
import { findQuotations } from '../../src/quotes/index.js';

export const who = (...paragraphs: string[]) => findQuotations(buildDocument({ id: 't', path: 't', text: paragraphs.join('\n\n') })).map((q) => [q.quote, q.speaker]);
