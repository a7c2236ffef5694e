/**
 * The claim check's CPU per "what did X say about Y?" topic of the bench, one line each (see claim-cost.ts):
 * each topic checked against every sentence of the default document once (first, as a new question is), then 200 times more
 * (warm). `npx tsx test/helpers/claim-cost-each.ts`.
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
for (const t of ['the meeting in 1994', 'Security Council']) for (const s of sentences) supports(claimOf(t, opts, 'topic'), s, opts);
const topics = ['multilateralism', 'coordination', 'a decade ago', 'working together', 'capacities', 'mediation efforts', 'post-conflict situations', 'climate change'];
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
for (const t of topics) {
  const t0 = performance.now();
  const c0 = cpu();
  const claim = claimOf(t, opts, 'topic');
  for (const s of sentences) supports(claim, s, opts);
  const first = performance.now() - t0;
  const firstCpu = cpu() - c0;
  const t1 = performance.now();
  for (let i = 0; i < 200; i++) for (const s of sentences) supports(claim, s, opts);
  console.log(`${t.padEnd(26)} first ${first.toFixed(2)} ms (CPU ${firstCpu.toFixed(2)})  then ${((performance.now() - t1) / 200).toFixed(3)} ms a question`);
}
