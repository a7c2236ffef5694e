/**
 * Fits the claim model (claim-model.json): does a sentence say what "who said X?" claims? Runs the
 * tuning phrasings' who-said questions (test/fixtures/phrasings/whosaid-tune.jsonl, whosaid-tune2.jsonl and
 * the who-said items of tune.jsonl; never the held-out sets) through the engine and reads every claim check:
 * for a real claim, the expected speaker's best-holding sentence is a positive and other speakers'
 * sentences are negatives (the expected speaker's other sentences are left out: one of them says
 * it); for a claim nobody made, every sentence is a negative. Each question counts once.
 *
 * Run: `npm run fit:claim` (prints the weights and writes them with --write; --explain lists the tuning questions the bar gets wrong).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { createEngine } from '../engine/index.js';
import { silentLogger } from '../log.js';
import { fitLogistic, type Example } from '../select/fit.js';
import { sigmoid } from '../log-odds.js';
import { CLAIM_FEATURES, type ClaimFeatures } from './claim.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETS = ['whosaid-tune', 'whosaid-tune2', 'whosaid-tune3', 'who5-tune', 'tune'];
/**
 * A claim nobody made answered with a speaker costs this many real claims refused: the bar is the one with the
 * most real claims answered right less this many times the claims nobody made that are answered. (Round 6 chose
 * the bar answering most real claims among those refusing ≥ 93% of the others; on 268 tuning questions that edge
 * jumped from 0.80 to 0.90 for 4 of 113 refusals at the cost of 42 of 155 real claims.)
 */
const WRONG_SPEAKER_COST = 3;

interface Item {
  doc: string;
  q: string;
  expect: string;
}

const items = SETS.flatMap((set) =>
  readFileSync(path.join(ROOT, 'test/fixtures/phrasings', `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item)
    .filter((p) => /^(?:who:|refuse$)/u.test(p.expect) && !(p as { after?: unknown }).after),
);

const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
type Seen = { speaker: string; start: number; f: ClaimFeatures; contradicted: boolean };
let seen: Seen[] = [];
const engines = new Map<string, Awaited<ReturnType<typeof createEngine>>>();
const questions: { y: 0 | 1; f: ClaimFeatures; contradicted: boolean }[][] = [];
/** Each question's text (for --explain). */
const asked = new Map<(typeof questions)[number], string>();
/** Questions about a real claim (even when no sentence of the expected speaker was a candidate). */
const realQuestion = new Set<(typeof questions)[number]>();
for (const p of items) {
  let engine = engines.get(p.doc);
  if (!engine) {
    const file = p.doc === 'default' ? path.join(ROOT, 'documents/un-news-annan-regional-cooperation.txt') : path.join(ROOT, 'test/fixtures/coqa-cnn', `${p.doc}.txt`);
    engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: p.doc, path: p.doc, text: readFileSync(file, 'utf8') }], onClaim: (c, s) => s.features && seen.push({ speaker: c.attribution?.speaker ?? '', start: c.start, f: s.features, contradicted: s.contradicted }) });
    engines.set(p.doc, engine);
  }
  seen = [];
  await engine.ask(p.q, { id: 'fit', turns: [] });
  const byStart = new Map(seen.map((s) => [s.start, s]));
  // Only a sentence with a speaker can answer "who said …?" (decide.ts), so only those are examples.
  const candidates = [...byStart.values()].filter((c) => c.speaker);
  if (!candidates.length) continue;
  const [kind, who = ''] = p.expect.split(':');
  if (kind === 'refuse') {
    const q = candidates.map((c) => ({ y: 0 as const, f: c.f, contradicted: c.contradicted }));
    asked.set(q, p.q);
    questions.push(q);
    continue;
  }
  const theirs = candidates.filter((c) => c.speaker.toLowerCase().includes(who.toLowerCase()));
  const best = theirs.sort((a, b) => b.f.share + b.f.near - (a.f.share + a.f.near))[0];
  const others = candidates.filter((c) => !theirs.includes(c));
  const q = [...(best ? [{ y: 1 as const, f: best.f, contradicted: best.contradicted }] : []), ...others.map((c) => ({ y: 0 as const, f: c.f, contradicted: c.contradicted }))];
  realQuestion.add(q);
  asked.set(q, p.q);
  questions.push(q);
}

// Each question counts once; its positive as much again (as the sentence model is fitted: src/select/fit.ts).
const examples = questions.flatMap((q) => q.map((c) => ({ f: c.f, y: c.y, weight: 1 / q.length + c.y })));
// fitLogistic reads the named features of each example, whatever record holds them.
const weights = fitLogistic(examples as unknown as Example[], { features: CLAIM_FEATURES as unknown as NonNullable<Parameters<typeof fitLogistic>[1]>['features'], l2: 1e-2, iterations: 3000 });
// The bar: a who-said question is answered by its best sentence, so the bar is chosen per question — the
// one answering the most real claims right, each claim nobody made that it answers counting WRONG_SPEAKER_COST against.
const model = (f: ClaimFeatures) => sigmoid(weights.bias + CLAIM_FEATURES.reduce((a, k) => a + ((weights.w as Record<string, number>)[k] ?? 0) * f[k], 0));
// A sentence saying it the other way round never answers (decide refuses it as "contradicted").
const p = (c: { f: ClaimFeatures; contradicted: boolean }) => (c.contradicted ? 0 : model(c.f));
const outcome = (t: number) => {
  let real = 0;
  let realRight = 0;
  let invented = 0;
  let refused = 0;
  for (const q of questions) {
    const best = Math.max(...q.map(p));
    const pos = q.find((c) => c.y);
    if (!q.some((c) => c.y) && !realQuestion.has(q)) {
      invented++;
      if (best < t) refused++;
    } else {
      real++;
      if (pos && p(pos) >= t && p(pos) >= best) realRight++;
    }
  }
  return { t, realRight, real, refused, invented };
};
const sweep = Array.from({ length: 19 }, (_, i) => outcome(0.05 * (i + 1)));
for (const o of sweep) console.log(`bar ${o.t.toFixed(2)}: real ${o.realRight}/${o.real}, invented refused ${o.refused}/${o.invented}`);
const cost = (o: (typeof sweep)[number]) => o.realRight - WRONG_SPEAKER_COST * (o.invented - o.refused);
const bar = [...sweep].sort((a, b) => cost(b) - cost(a) || b.t - a.t)[0]?.t ?? 0.5;
console.log(`${questions.length} questions, ${examples.length} sentences (${examples.filter((e) => e.y).length} saying the claim)`);
console.log(JSON.stringify(weights));
console.log(`bar ${bar.toFixed(2)}`);
// --explain: the questions the chosen bar gets wrong (tuning questions only).
if (process.argv.includes('--explain'))
  for (const q of questions) {
    const best = Math.max(...q.map(p));
    const pos = q.find((c) => c.y);
    const real = realQuestion.has(q);
    const top = q.find((c) => p(c) === best);
    if (real ? !(pos && p(pos) >= bar && p(pos) >= best) : best >= bar - 0.15) console.log(`${real ? 'real, missed' : 'invented, answered'} (best ${best.toFixed(2)}${pos ? `, speaker's ${p(pos).toFixed(2)} ${JSON.stringify(pos.f)}` : ` ${JSON.stringify(top?.f)}`}): ${asked.get(q)}`);
  }
if (process.argv.includes('--write')) writeFileSync(path.join(ROOT, 'src/decide/claim-model.json'), `${JSON.stringify({ ...weights, bar: +bar.toFixed(2) }, null, 2)}\n`);
