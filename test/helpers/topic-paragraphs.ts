/**
 * How each paragraph of the document meets a quote request's topic, whatever retrieval found (round 10's diagnostic):
 * `npx tsx test/helpers/topic-paragraphs.ts quote6-tune,quote5-tune`. For each `quote:N` and `refuse` item, the
 * topic read, the best paragraph's topic score (whole paragraph, and best sentence with its neighbours), the
 * runner-up, and where the wanted paragraph ranks; SOFT: the same by every topic word's best cosine to a paragraph
 * word, unfloored (an experiment, not the engine's); {…}: each topic word alone against the best paragraph. Tuning sets only.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { buildDocument } from '../../src/ingest/document.js';
import { buildIndex } from '../../src/index/store.js';
import { QUOTER } from '../../src/engine/open.js';
import { termStats } from '../../src/select/idf.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { documentVocabulary } from '../../src/retrieve/typo.js';
import { createNearWords } from '../../src/understand/near-words.js';
import { createTopicMatcher } from '../../src/select/topic-match.js';
import { contentWords } from '../../src/embed/word-vectors-match.js';
import { dot } from '../../src/embed/word-vectors.js';
import { silentLogger } from '../../src/log.js';
import type { Understanding } from '../../src/understand/understand.js';
import { loadPhrasings, phrasingDocument, judge } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'quote6-tune').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const words = loadWordVectors({ root: ROOT });
let seen: Understanding | null = null;
const cache = new Map<string, Awaited<ReturnType<typeof setup>>>();
async function setup(docName: string) {
  const source = phrasingDocument(docName);
  const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [source], idleWork: false, onSelection: (u) => (seen = u) });
  const index = (await buildIndex({ documents: [buildDocument(source)], embedder: null, quoter: QUOTER })).index;
  const stats = termStats(index, { rank: (w) => words.rank(w) });
  const vocab = documentVocabulary(index.chunks.map((c) => index.docById.get(c.docId)!.text.slice(c.start, c.end)));
  const near = createNearWords(vocab, words);
  const match = createTopicMatcher(words, (t, w) => (stats.known(t) ? stats.idf(t) : stats.unseen(w)), near);
  const doc = index.documents[0]!;
  const paras = doc.paragraphs.filter((p) => p.kind === 'body').map((p) => ({ n: p.n, text: doc.text.slice(p.start, p.end), sentences: doc.sentences.filter((s) => s.paragraph === p.n).map((s) => doc.text.slice(s.start, s.end)) }));
  const weight = (t: string, w: string) => (stats.known(t) ? stats.idf(t) : stats.unseen(w));
  // Experiment: every topic word counts by its best cosine to a paragraph word (1 for itself), IDF-weighted.
  const soft = (topic: string, text: string) => {
    const tw = contentWords(topic, words, 'questions');
    const pw = contentWords(text, words, 'sentences');
    let got = 0;
    let total = 0;
    for (const x of tw) {
      const w = weight(x.term, x.key);
      total += w;
      let best = pw.some((y) => y.term === x.term) ? 1 : 0;
      if (best < 1 && x.vector) for (const y of pw) if (y.vector) best = Math.max(best, dot(x.vector, y.vector));
      got += w * best;
    }
    return total ? got / total : 0;
  };
  return { engine, match, paras, text: source.text, soft };
}
for (const p of sets.flatMap((s) => loadPhrasings(s))) {
  const [kind, arg = ''] = p.expect.split(':');
  if ((kind !== 'quote' && kind !== 'refuse') || p.after) continue;
  let x = cache.get(p.doc);
  if (!x) cache.set(p.doc, (x = await setup(p.doc)));
  seen = null;
  const a = await x.engine.ask(p.q);
  const problem = judge(p, a, x.text);
  const u = seen as Understanding | null;
  if (!u || u.intent.kind !== 'quote') {
    console.log(`NOT-QUOTE ${p.expect} ${p.q}`);
    continue;
  }
  const scores = x.paras.map((para) => {
    const whole = x!.match(u.scoringText, para.text, '');
    const sent = Math.max(0, ...para.sentences.map((s, i) => x!.match(u.scoringText, s, `${para.sentences[i - 1] ?? ''} ${para.sentences[i + 1] ?? ''}`)));
    return { n: para.n, whole, sent };
  });
  const byWhole = [...scores].sort((m, n) => n.whole - m.whole);
  const wanted = arg.split('|').map(Number);
  const rank = kind === 'quote' ? byWhole.findIndex((s) => wanted.includes(s.n)) + 1 : 0;
  const f = (s: { n: number; whole: number; sent: number } | undefined) => (s ? `¶${s.n} ${s.whole.toFixed(2)}/${s.sent.toFixed(2)}` : '-');
  const top = byWhole[0]!;
  const per = top.whole > 0 && top.whole < 0.7 ? ' {' + u.scoringText.split(/\s+/).map((w) => `${w}:${x!.match(w, x!.paras.find((q) => q.n === top.n)!.text, '').toFixed(2)}`).join(' ') + '}' : '';
  const sv = x.paras.map((para) => ({ n: para.n, v: x!.soft(u.scoringText, para.text) })).sort((m, n) => n.v - m.v);
  const mean = sv.slice(1).reduce((a, b) => a + b.v, 0) / Math.max(1, sv.length - 1);
  const srank = kind === 'quote' ? sv.findIndex((q) => wanted.includes(q.n)) + 1 : 0;
  const softCol = `SOFT r${srank} ¶${sv[0]?.n} ${sv[0]?.v.toFixed(2)} 2nd ${sv[1]?.v.toFixed(2)} mean ${mean.toFixed(2)} lift ${((sv[0]?.v ?? 0) - (sv[1]?.v ?? 0)).toFixed(2)} |`;
  console.log(`${softCol}${per} ${problem ? '✗' : '✓'} ${p.expect.padEnd(10)} rank ${rank} best ${f(byWhole[0])} 2nd ${f(byWhole[1])} 3rd ${f(byWhole[2])} | "${u.scoringText}" | ${p.q}${problem ? ` — ${problem}` : ''}`);
}
process.exit(0);
