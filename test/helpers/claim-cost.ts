/**
 * What the claim check costs a "what did X say about Y?" question (src/decide/claim.ts with the WordNet lexicon):
 * CPU per question for the bench's eight such topics, each checked against every sentence of the default
 * document (the engine checks only its candidates), after two other topics as a warm engine would have seen.
 * `npx tsx test/helpers/claim-cost.ts` (prints ms of CPU per question).
 */
import { readFileSync } from 'node:fs';
import { claimOf, supports } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { buildDocument } from '../../src/ingest/document.js';
import { DEFAULT_DOC_PATH, ROOT } from './paths.js';

const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const sentences = buildDocument({ id: 'd', path: 'd', text }).sentences.map((s) => text.slice(s.start, s.end));
const opts = { weight: () => 1, vectors: loadWordVectors({ root: ROOT }), lexicon: loadLexicon };
for (const t of ['the meeting in 1994', 'coordination']) for (const s of sentences) supports(claimOf(t, opts, 'topic'), s, opts);
const topics = ['multilateralism', 'coordination', 'a decade ago', 'working together', 'capacities', 'mediation efforts', 'post-conflict situations', 'climate change'];
const c0 = process.cpuUsage();
for (const t of topics) {
  const claim = claimOf(t, opts, 'topic');
  for (const s of sentences) supports(claim, s, opts);
}
const c = process.cpuUsage(c0);
console.log(`claim check: ${((c.user + c.system) / 1000 / topics.length).toFixed(2)} ms CPU per question (${sentences.length} sentences each)`);
