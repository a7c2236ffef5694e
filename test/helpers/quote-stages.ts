/**
 * Where quote requests of a phrasing set are lost: `npx tsx test/helpers/quote-stages.ts quote6-tune,quote5-tune`.
 * Each `quote:N` item (and each `refuse` item read as a quote request) is asked and put in one stage — INTENT (not
 * read as a quote request), RETRIEVE (no sentence of ¶N among the candidates), TOPIC (¶N's sentences are candidates
 * but none meets the topic), RANK (one does, but another paragraph's sentence comes first) or right — with the topic
 * read, what was searched for, and the best topic score in ¶N and elsewhere. Tuning sets only.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Selection } from '../../src/select/select.js';
import type { Understanding } from '../../src/understand/understand.js';
import { searchText } from '../../src/understand/search-text.js';
import { loadPhrasings, phrasingDocument, judge } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'quote6-tune').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const engines = new Map<string, { e: Engine; text: string; near: { nearWords: unknown } }>();
let seen: { u: Understanding; s: Selection } | null = null;
const stages: Record<string, number> = { INTENT: 0, RETRIEVE: 0, TOPIC: 0, RANK: 0, right: 0 };
for (const p of sets.flatMap((s) => loadPhrasings(s))) {
  const [kind, arg = ''] = p.expect.split(':');
  if ((kind !== 'quote' && kind !== 'refuse') || p.after) continue;
  let x = engines.get(p.doc);
  if (!x) {
    const document = phrasingDocument(p.doc);
    const e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [document], idleWork: false, onSelection: (u, s) => (seen = { u, s }) });
    x = { e, text: document.text, near: (e as unknown as { ctx?: { nearWords: unknown } }).ctx ?? { nearWords: null } };
    engines.set(p.doc, x);
  }
  seen = null;
  const a = await x.e.ask(p.q);
  const problem = judge(p, a, x.text);
  const got = seen as { u: Understanding; s: Selection } | null;
  const topicOf = (c: Selection['ranked'][number]) => c.topic ?? c.features.covNear;
  const head = `[${p.doc}] ${p.q}  (${p.expect}; topic "${got?.u.intent.kind === 'quote' ? got.u.intent.topic : '-'}"${got?.u.intent.kind === 'quote' && got.u.intent.speaker ? `, speaker "${got.u.intent.speaker}"` : ''}; searched "${got?.u.query ?? ''}")`;
  if (kind === 'refuse') {
    if (problem) console.log(`ANSWERED  ${head}: ${problem}`);
    continue;
  }
  const wanted = arg.split('|').map(Number);
  let stage: string;
  let detail = '';
  if (a.intent !== 'quote' || !got) stage = 'INTENT';
  else {
    const inWanted = got.s.ranked.filter((c) => wanted.includes(c.paragraph));
    const best = (cs: typeof inWanted) => cs.reduce((m, c) => Math.max(m, topicOf(c)), 0);
    const other = got.s.ranked.filter((c) => !wanted.includes(c.paragraph));
    detail = ` wanted-best topic ${best(inWanted).toFixed(2)} p ${Math.max(0, ...inWanted.map((c) => c.p)).toFixed(2)}; elsewhere topic ${best(other).toFixed(2)} (¶${other.sort((m, n) => topicOf(n) - topicOf(m))[0]?.paragraph ?? '-'}); candidates ¶${[...new Set(got.s.ranked.map((c) => c.paragraph))].join(',')}`;
    stage = !problem ? 'right' : !inWanted.length ? 'RETRIEVE' : best(inWanted) < 0.5 && Math.max(...inWanted.map((c) => c.p)) < config.REFUSAL_THRESHOLD! ? 'TOPIC' : 'RANK';
  }
  stages[stage]!++;
  if (stage !== 'right') console.log(`${stage.padEnd(8)} ${head}: ${problem}.${detail}`);
}
console.log(Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(' · '));
void searchText;
process.exit(0);
