/**
 * Where answerable questions of a phrasing set are lost: `npx tsx test/helpers/phrasing-stages.ts natural-tune,natural2-tune`.
 * Each `q:N` item is asked with no refusal threshold and put in one stage — RETRIEVE (no passage of ¶N among
 * those retrieved), SELECT (retrieved, but the best-scored sentence is elsewhere), DECIDE (the best sentence is in
 * ¶N but under the configured threshold, so refused) or right — and every `refuse` item's confidence is compared
 * with the threshold. Tuning sets only: a held-out set's items must not be read one by one.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Selection } from '../../src/select/select.js';
import { loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'natural-tune').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const threshold = config.REFUSAL_THRESHOLD;
const engines = new Map<string, Engine>();
let selection: Selection | null = null;
const stages = { RETRIEVE: 0, SELECT: 0, DECIDE: 0, right: 0 };
let negatives = 0;
let refused = 0;
for (const p of sets.flatMap((s) => loadPhrasings(s))) {
  const [kind, arg = ''] = p.expect.split(':');
  if ((kind !== 'q' && kind !== 'refuse') || p.after) continue;
  let e = engines.get(p.doc);
  if (!e) {
    const document = phrasingDocument(p.doc);
    e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [document], refusalThreshold: 0, idleWork: false, onSelection: (_u, s) => (selection = s) });
    engines.set(p.doc, e);
  }
  selection = null;
  const retrieved = (await e.retrieve(p.q)).map((x) => x.chunk.paragraph);
  const a = await e.ask(p.q);
  if (a.intent !== 'question') continue;
  const confidence = a.confidence ?? 0;
  if (kind === 'refuse') {
    negatives++;
    if (confidence < threshold) refused++;
    else console.log(`answered  ${confidence.toFixed(2)} [${p.doc}] ${p.q}`);
    continue;
  }
  const wanted = arg.split('|').map(Number);
  const top = (selection as Selection | null)?.ranked[0];
  const stage = !retrieved.some((n) => wanted.includes(n)) ? 'RETRIEVE' : !top || !wanted.includes(top.paragraph) ? 'SELECT' : confidence < threshold ? 'DECIDE' : 'right';
  stages[stage]++;
  if (stage !== 'right') console.log(`${stage.padEnd(9)} ${confidence.toFixed(2)} [${p.doc}] ${p.q} (wanted ¶${arg}; retrieved ¶${retrieved.join(',')}; best ¶${top?.paragraph ?? '-'})`);
}
console.log(`answerable: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(' · ')}; unanswerable refused ${refused}/${negatives} (threshold ${threshold})`);
process.exit(0);
