/**
 * Why a tuning set's natural questions are lost, sentence by sentence:
 * `npx tsx test/helpers/nat-explain.ts nat6-tune[,natural-tune]`. For each `q:N` item that is not answered from ¶N,
 * the best sentence and the best sentence of ¶N, each with its probability and the features that move its log-odds
 * most. Tuning sets only: a held-out set's items must not be read one by one.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Scored, Selection } from '../../src/select/select.js';
import { FEATURES } from '../../src/select/features.js';
import { SOFT_WEIGHTS, WEIGHTS } from '../../src/select/model.js';
import { loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'nat6-tune').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const threshold = config.REFUSAL_THRESHOLD;
const weights = config.SOFT_MATCH === 'off' ? WEIGHTS : SOFT_WEIGHTS;
const engines = new Map<string, Engine>();
let selection: Selection | null = null;
const show = (c: Scored | undefined) => {
  if (!c) return '  -';
  const parts = FEATURES.map((k) => [k, (weights.w[k] ?? 0) * c.features[k], c.features[k]] as const)
    .filter(([, v]) => Math.abs(v) > 0.05)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([k, v, f]) => `${k}=${f.toFixed(2)}(${v >= 0 ? '+' : ''}${v.toFixed(2)})`);
  return `  ¶${c.paragraph} p=${c.p.toFixed(2)} ${c.doc.text.slice(c.start, c.end).slice(0, 110).replace(/\s+/g, ' ')}\n      ${parts.join(' ')}`;
};
for (const p of sets.flatMap((s) => loadPhrasings(s))) {
  const [kind, arg = ''] = p.expect.split(':');
  if ((kind !== 'q' && kind !== 'refuse') || p.after) continue;
  let e = engines.get(p.doc);
  if (!e) {
    e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [phrasingDocument(p.doc)], refusalThreshold: 0, idleWork: false, onSelection: (_u, s) => (selection = s) });
    engines.set(p.doc, e);
  }
  selection = null;
  const a = await e.ask(p.q);
  if (a.intent !== 'question') continue;
  const ranked = (selection as Selection | null)?.ranked ?? [];
  const top = ranked[0];
  if (kind === 'refuse') {
    if ((a.confidence ?? 0) >= threshold) console.log(`REFUSE? [${p.doc}] ${p.q}\n${show(top)}`);
    continue;
  }
  const wanted = arg.split('|').map(Number);
  if (top && wanted.includes(top.paragraph) && top.p >= threshold) continue;
  const gold = ranked.find((c) => wanted.includes(c.paragraph));
  console.log(`MISS [${p.doc}] ${p.q} (¶${arg})\n top${show(top)}\n gold${show(gold)}`);
}
process.exit(0);
