/**
 * One line per natural question of tuning sets, for sweeping a decision rule offline:
 * `npx tsx test/helpers/nat-dump.ts nat6-tune,natural-tune > /tmp/x.jsonl`. Each line: the set, whether the item should be
 * answered, the answer type read, and the top three candidates (paragraph, probability, whether it is a wanted paragraph,
 * typeHit, typeMiss, cov). Tuning sets only.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Selection } from '../../src/select/select.js';
import type { Understanding } from '../../src/understand/understand.js';
import { loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'nat6-tune').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const engines = new Map<string, Engine>();
let seen: { u: Understanding; s: Selection } | null = null;
for (const set of sets)
  for (const p of loadPhrasings(set)) {
    const [kind, arg = ''] = p.expect.split(':');
    if ((kind !== 'q' && kind !== 'refuse' && kind !== 'quote') || p.after) continue;
    let e = engines.get(p.doc);
    if (!e) {
      e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [phrasingDocument(p.doc)], idleWork: false, onSelection: (u, s) => (seen = { u, s }) });
      engines.set(p.doc, e);
    }
    seen = null;
    const a = await e.ask(p.q);
    const x = seen as { u: Understanding; s: Selection } | null;
    if (!x) continue;
    const wanted = arg.split('|').map(Number);
    const top = x.s.ranked.slice(0, 3).map((c) => ({ n: c.paragraph, p: +c.p.toFixed(3), gold: wanted.includes(c.paragraph), hit: c.features.typeHit, miss: c.features.typeMiss, cov: +c.features.cov.toFixed(3), topic: c.topic === undefined ? null : +c.topic.toFixed(3) }));
    console.log(JSON.stringify({ set, doc: p.doc, q: p.q, kind, intent: x.u.intent.kind, type: x.u.answerType ?? null, refused: a.refused, top }));
  }
process.exit(0);
