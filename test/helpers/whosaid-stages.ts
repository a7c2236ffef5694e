/**
 * Where who-said questions of a tuning set are lost: `npx tsx test/helpers/whosaid-stages.ts whosaid-tune2,whosaid-tune3`.
 * Each `who:X` item is put in one stage — PARSE (not read as who-said), CANDIDATE (no candidate sentence is attributed
 * to X: the sentence saying it was not retrieved or has no speaker), CLAIM (X's best sentence is below the claim bar),
 * ORDER (another speaker's sentence scored higher) or right; each `refuse` item is answered or refused. For every miss
 * it prints the document sentence that holds most of the claim, its speaker (if any) and its claim features.
 * Tuning sets only: a held-out set's items must not be read one by one.
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Selection } from '../../src/select/select.js';
import type { ClaimCandidate, ClaimSupport } from '../../src/decide/claim.js';
import { CLAIM_PROBABILITY } from '../../src/decide/claim.js';
import { parseQuoteIntent } from '../../src/understand/said.js';
import { loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';

const sets = (process.argv[2] ?? 'whosaid-tune2').split(',');
if (sets.some((s) => /heldout/.test(s))) throw new Error('tuning sets only');
const verbose = process.argv.includes('-v');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const engines = new Map<string, { e: Engine; text: string }>();
let selection: Selection | null = null;
let checks: { c: ClaimCandidate; s: ClaimSupport }[] = [];
const stages: Record<string, number> = { PARSE: 0, CANDIDATE: 0, CLAIM: 0, ORDER: 0, right: 0 };
let negatives = 0;
let refused = 0;
const f2 = (x: number | undefined) => (x ?? 0).toFixed(2);
for (const p of sets.flatMap((s) => loadPhrasings(s))) {
  const [kind, arg = ''] = p.expect.split(':');
  if ((kind !== 'who' && kind !== 'refuse') || p.after) continue;
  let e = engines.get(p.doc);
  if (!e) {
    const document = phrasingDocument(p.doc);
    e = { e: await createEngine({ config, logger: silentLogger(), embedder: null, documents: [document], idleWork: false, onSelection: (_u, s) => (selection = s), onClaim: (c, s) => checks.push({ c, s }) }), text: document.text };
    engines.set(p.doc, e);
  }
  selection = null;
  checks = [];
  const a = await e.e.ask(p.q);
  const said = parseQuoteIntent(p.q);
  const speaker = a.quotes[0]?.attribution?.speaker ?? '';
  if (kind === 'refuse') {
    negatives++;
    if (a.refused) refused++;
    else console.log(`answered  [${p.doc}] ${p.q} → ${speaker} ¶${a.quotes[0]?.paragraph}: ${a.quotes[0]?.quote.slice(0, 140)}`);
    if (!a.refused && verbose) console.log(`   claim: ${JSON.stringify(said)}`);
    continue;
  }
  const ok = !a.refused && speaker.toLowerCase().includes(arg.toLowerCase());
  const theirs = checks.filter((x) => (x.c.attribution?.speaker ?? '').toLowerCase().includes(arg.toLowerCase()));
  const bestTheirs = theirs.sort((x, y) => (y.s.p ?? 0) - (x.s.p ?? 0))[0];
  const stage = ok ? 'right' : said?.kind !== 'who-said' ? 'PARSE' : !bestTheirs ? 'CANDIDATE' : (bestTheirs.s.p ?? 0) < CLAIM_PROBABILITY || bestTheirs.s.contradicted ? 'CLAIM' : 'ORDER';
  stages[stage]!++;
  if (stage === 'right') continue;
  console.log(`${stage.padEnd(9)} [${p.doc}] ${p.q} (want ${arg}; got ${a.refused ? `refused ${a.reason}` : speaker})`);
  console.log(`   claim: ${said?.kind === 'who-said' ? said.about : JSON.stringify(said)}`);
  const shown = bestTheirs ?? checks.sort((x, y) => (y.s.p ?? 0) - (x.s.p ?? 0))[0];
  if (shown) console.log(`   ${bestTheirs ? 'theirs' : 'best  '} p ${f2(shown.s.p)} share ${f2(shown.s.features?.share)} near ${f2(shown.s.features?.near)} contrary ${f2(shown.s.features?.contrary)} verbMissing ${shown.s.features?.verbMissing} missing [${shown.s.missing.join(', ')}] by ${shown.c.attribution?.speaker ?? '-'}: ${e.text.slice(shown.c.start, shown.c.end).slice(0, 220)}`);
  if (verbose && selection) console.log(`   ${(selection as Selection).ranked.length} candidates, ${checks.length} checked`);
}
console.log(`real: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(' · ')}; nobody's refused ${refused}/${negatives}`);
process.exit(0);
