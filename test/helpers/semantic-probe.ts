/**
 * Does a sentence encoder's question–sentence similarity add to the sentence
 * model? Measured on SQuAD dev as `npm run calibrate` does (each question
 * against its article, and against the article without its answering
 * paragraph), with the shipped engine (lexical retrieval, soft matching on).
 * For every scored selection it records the candidates' features and texts,
 * then embeds question and sentences with the model and fits, on the tuning
 * articles only, what the cosine (and its gap to the best candidate's) adds to
 * the shipped model's log-odds (fitOffset). Held-out articles are then scored
 * by the top sentence under each model: gold in it, and refusals at the
 * threshold that refuses 80% of the tuning articles' unanswerable versions.
 *
 * npx tsx test/helpers/semantic-probe.ts [--model use-lite] [--tune 16] [--tune-per 30] [--from 16] [--articles 32] [--per 15]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { fitOffset } from '../../src/select/fit.js';
import { logit, SOFT_WEIGHTS } from '../../src/select/model.js';
import type { Features } from '../../src/select/features.js';

const { values: a } = parseArgs({ options: { model: { type: 'string', default: 'use-lite' }, tune: { type: 'string', default: '16' }, 'tune-per': { type: 'string', default: '30' }, from: { type: 'string', default: '16' }, articles: { type: 'string', default: '32' }, per: { type: 'string', default: '15' } } });
const root = path.resolve(import.meta.dirname, '../..');
const squad = JSON.parse(readFileSync(path.join(root, '../shared/eval/squad-v1.1-dev/dev-v1.1.json'), 'utf8')) as { data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[] };
const config = { ...loadConfig({}), root };
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

interface Cand { f: Features; y: 0 | 1; text: string }
interface Q { question: string; cands: Cand[]; answerable: boolean }

async function collect(articles: typeof squad.data, per: number): Promise<Q[]> {
  const out: Q[] = [];
  for (const article of articles) {
    const contexts = article.paragraphs.map((p) => p.context);
    const qas = article.paragraphs.flatMap((p, pi) => p.qas.map((qa) => ({ ...qa, pi })));
    const step = Math.max(1, Math.floor(qas.length / per));
    let last: Cand[] = [];
    let gold: string[] = [];
    const onSelection = (_u: unknown, sel: { ranked: { doc: { text: string }; start: number; end: number; features: Features }[] }) => {
      last = sel.ranked.map((c) => {
        const text = c.doc.text.slice(c.start, c.end);
        return { f: c.features, text, y: gold.some((g) => norm(text).includes(g)) ? 1 : 0 };
      });
    };
    const make = (text: string) => createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: article.title, path: article.title, text }], refusalThreshold: 0, softMatch: true, idleWork: false, onSelection });
    const full = await make(contexts.join('\n\n'));
    for (let i = 0; i < qas.length; i += step) {
      const qa = qas[i]!;
      gold = qa.answers.map((g) => norm(g.text));
      last = [];
      await full.ask(qa.question);
      out.push({ question: qa.question, cands: last, answerable: true });
      const rest = contexts.filter((_, j) => j !== qa.pi);
      if (gold.some((g) => rest.some((c) => norm(c).includes(g)))) continue;
      const without = await make(rest.join('\n\n'));
      gold = [];
      last = [];
      await without.ask(qa.question);
      out.push({ question: qa.question, cands: last, answerable: false });
      await without.close();
    }
    await full.close();
  }
  return out;
}

const tuneArticles = squad.data.slice(0, Number(a.tune));
const heldArticles = squad.data.slice(Number(a.from), Number(a.from) + Number(a.articles));
const t0 = performance.now();
const tune = await collect(tuneArticles, Number(a['tune-per']));
const held = await collect(heldArticles, Number(a.per));
process.stderr.write(`collected ${tune.length} tuning and ${held.length} held-out selections in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

const embedder = await loadEmbedder({ model: a.model!, cacheDir: config.MODEL_CACHE_DIR, allowRemote: false, logger: silentLogger(), root });
if (!embedder) throw new Error(`${a.model} did not load`);
const vec = new Map<string, Float32Array>();
const texts = [...new Set([...tune, ...held].flatMap((q) => [q.question, ...q.cands.map((c) => c.text)]))];
const t1 = performance.now();
const vs = await embedder.embedPassages(texts);
texts.forEach((t, i) => vec.set(t, vs[i]!));
process.stderr.write(`embedded ${texts.length} distinct texts in ${((performance.now() - t1) / 1000).toFixed(0)} s\n`);
const cos = (x: string, y: string) => {
  const u = vec.get(x)!, v = vec.get(y)!;
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
};

/** Extra signals per candidate: [cosine, cosine − best cosine among the question's candidates]. */
const extras = (q: Q) => {
  const c = q.cands.map((x) => cos(q.question, x.text));
  const best = Math.max(...c);
  return c.map((v) => [v, v - best]);
};

type Model = { name: string; z: (q: Q) => number[] };
const shipped: Model = { name: 'shipped (weights-soft)', z: (q) => q.cands.map((c) => logit(c.f, SOFT_WEIGHTS)) };
function fitted(name: string, pick: (e: number[]) => number[]): Model {
  const examples = tune.filter((q) => q.cands.length).flatMap((q) => {
    const ex = extras(q);
    const hits = q.cands.filter((c) => c.y).length || 1;
    return q.cands.map((c, i) => ({ x: [...pick(ex[i]!), 1], offset: logit(c.f, SOFT_WEIGHTS), y: c.y, weight: 1 / q.cands.length + (c.y ? 1 / hits : 0) }));
  });
  const w = fitOffset(examples);
  process.stderr.write(`${name}: extra weights ${w.map((x) => x.toFixed(3)).join(', ')}\n`);
  return { name, z: (q) => { const ex = extras(q); return q.cands.map((c, i) => logit(c.f, SOFT_WEIGHTS) + [...pick(ex[i]!), 1].reduce((s, x, j) => s + x * w[j]!, 0)); } };
}
const models = [shipped, fitted('+ cosine', (e) => [e[0]!]), fitted('+ cosine, gap to best', (e) => e)];

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const top = (m: Model, q: Q) => {
  if (!q.cands.length) return { p: 0, hit: false };
  const z = m.z(q);
  let b = 0;
  for (let i = 1; i < z.length; i++) if (z[i]! > z[b]!) b = i;
  return { p: sig(z[b]!), hit: !!q.cands[b]!.y };
};
/** The threshold refusing ≥ 80% of the tuning unanswerables, answering as many as that allows. */
const thresholdFor = (m: Model) => {
  const ps = tune.filter((q) => !q.answerable).map((q) => top(m, q).p).sort((x, y) => x - y);
  return ps[Math.ceil(0.8 * ps.length) - 1]! + 1e-9;
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const report = (m: Model, set: Q[], t: number) => {
  const pos = set.filter((q) => q.answerable).map((q) => top(m, q));
  const neg = set.filter((q) => !q.answerable).map((q) => top(m, q));
  return `gold in top sentence (answered) ${pct(pos.filter((r) => r.p >= t && r.hit).length / pos.length)}, top sentence holds gold ${pct(pos.filter((r) => r.hit).length / pos.length)}, refused ${pct(neg.filter((r) => r.p < t).length / neg.length)} (${pos.length} answerable, ${neg.length} unanswerable)`;
};
for (const m of models) {
  const t = thresholdFor(m);
  process.stdout.write(`${m.name}: threshold ${t.toFixed(3)} (refuses 80% of tuning unanswerables)\n  tuning   ${report(m, tune, t)}\n  held-out ${report(m, held, t)}\n`);
  if (m === shipped) process.stdout.write(`  held-out at the shipped 0.48: ${report(m, held, 0.48)}\n`);
}
await embedder.dispose?.();
