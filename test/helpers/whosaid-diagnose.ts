/**
 * Where a who-said tuning question is lost: for each `who:` item answered wrong, whether the question was read as
 * who-said at all, whether the expected speaker has a candidate sentence (and where it ranks by the answer model),
 * and what the claim check said of it; for each `refuse` item answered, the sentence that answered.
 *
 * Run: `npx tsx test/helpers/whosaid-diagnose.ts whosaid-tune whosaid-tune3 …` (tuning sets only; never a held-out one).
 */
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { reportedSpeaker } from '../../src/select/reported.js';
import type { Selection, Scored } from '../../src/select/select.js';
import type { ClaimSupport } from '../../src/decide/claim.js';
import type { Understanding } from '../../src/understand/understand.js';
import { judge, loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';
import { loadWordVectors, dot } from '../../src/embed/word-vectors.js';
import { wordsOf } from '../../src/retrieve/terms.js';

const vecs = loadWordVectors({ root: ROOT });
/** Each missing word's nearest sentence word by cosine. */
const nearOf = (missing: string[], sentence: string) =>
  missing
    .map((m) => {
      const v = vecs.vector(m);
      let best = ['', -1] as [string, number];
      for (const w of wordsOf(sentence)) {
        const u = vecs.vector(w);
        if (v && u && w.toLowerCase() !== m.toLowerCase()) {
          const c = dot(v, u);
          if (c > best[1]) best = [w, c];
        }
      }
      return `${m}~${best[0]}(${best[1].toFixed(2)})`;
    })
    .join(' ');

const sets = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
let sel: Selection | null = null;
let und: Understanding | null = null;
const checks = new Map<number, ClaimSupport>();
const engines = new Map<string, Awaited<ReturnType<typeof createEngine>>>();
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
const docText0 = (t: string, c: Scored) => t.slice(c.start, c.end);
const short = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n)}…` : s);

for (const set of sets)
  for (const p of loadPhrasings(set).filter((x) => /^(?:who:|refuse$)/u.test(x.expect) && !x.after)) {
    let e = engines.get(p.doc);
    const document = phrasingDocument(p.doc);
    if (!e) {
      e = await createEngine({
        config,
        logger: silentLogger(),
        embedder: null,
        documents: [document],
        onSelection: (u, s) => {
          und = u;
          sel = s;
        },
        onClaim: (c, s) => checks.set(c.start, s),
      });
      engines.set(p.doc, e);
    }
    sel = null;
    und = null;
    checks.clear();
    const a = await e.ask(p.q, { id: 'd', turns: [] });
    const problem = judge(p, a, document.text);
    const only = process.argv.find((x) => x.startsWith('--q='))?.slice(4);
    if (only && p.q.includes(only)) {
      const sl = sel as Selection | null;
      console.log(`?? ${p.q} said=${JSON.stringify((und as Understanding | null)?.said)}`);
      for (const c of sl?.ranked ?? []) {
        const v = checks.get(c.start);
        console.log(`   p=${c.p.toFixed(2)} claim=${v?.p?.toFixed(2)} share=${v?.features?.share.toFixed(2)} [${c.attribution?.speaker}] miss=[${v?.missing.join(',')}] ${short(document.text.slice(c.start, c.end), 140)}`);
      }
    }
    const u = und as Understanding | null;
    const s = sel as Selection | null;
    const [kind, who = ''] = p.expect.split(':');
    if (kind === 'refuse') {
      // A refuse item not read as who-said is not this path's to judge.
      if (u?.said?.kind !== 'who-said') count('refuse: not who-said');
      else count(problem ? 'refuse: answered' : 'refuse: ok');
      if (problem) console.log(`✗ REFUSE [${set}/${p.doc}] ${p.q}\n    ${problem} — ${short(a.quotes[0]?.quote ?? '')} (${a.quotes[0]?.attribution?.speaker})`);
      if (process.argv.includes('--refusals') && u?.said?.kind === 'who-said') {
        const top = (s?.ranked ?? []).filter((c) => c.attribution?.speaker).map((c) => ({ c, v: checks.get(c.start) })).sort((x, y) => (y.v?.p ?? 0) - (x.v?.p ?? 0))[0];
        const v = top?.v;
        if (top) console.log(`  R ${problem ? '✗' : '✓'} [${set}/${p.doc}] about="${u.said.about}" p=${v?.p?.toFixed(2)} share=${v?.features?.share.toFixed(2)} near=${v?.features?.near.toFixed(2)} contrary=${v?.features?.contrary.toFixed(2)} contradicted=${v?.contradicted} missing=[${nearOf(v?.missing ?? [], docText0(document.text, top.c))}]\n      ${short(docText0(document.text, top.c), 200)}`);
      }
      continue;
    }
    if (!problem) {
      count('real: ok');
      continue;
    }
    const wanted = who.toLowerCase();
    if (u?.said?.kind !== 'who-said') {
      count('real: (0) not read as who-said');
      console.log(`✗ (0) [${set}/${p.doc}] ${p.q}\n    said=${JSON.stringify(u?.said)} ${problem}`);
      continue;
    }
    const ranked: Scored[] = s?.ranked ?? [];
    const gold = ranked.map((c, i) => ({ c, i })).filter((x) => x.c.attribution?.speaker?.toLowerCase().includes(wanted));
    const docText = document.text;
    if (!gold.length) {
      // Is there any sentence in the document the speaker says (by the finder over all sentences)?
      const anywhere = docText
        .split(/(?<=[.!?]["”]?)\s+/u)
        .filter((t) => reportedSpeaker(t)?.speaker?.toLowerCase().includes(wanted) || t.toLowerCase().includes(wanted));
      count('real: (a) no candidate of the speaker');
      console.log(`✗ (a) [${set}/${p.doc}] ${p.q}  → ${who}\n    about="${u.said.about}" ${problem}; ${ranked.length} candidates, speakers: ${[...new Set(ranked.map((c) => c.attribution?.speaker).filter(Boolean))].join(' | ')}`);
      if (verbose) for (const t of anywhere.slice(0, 4)) console.log(`      doc: ${short(t, 160)}`);
      continue;
    }
    const best = gold.map((g) => ({ ...g, v: checks.get(g.c.start) })).sort((x, y) => (y.v?.p ?? 0) - (x.v?.p ?? 0))[0]!;
    const v = best.v;
    const stage = problem.startsWith('refused') ? (best.i === 0 ? '(c) top candidate, claim check rejects' : '(c) claim check rejects (not top)') : '(d) wrong speaker';
    count(`real: ${stage}`);
    console.log(
      `✗ ${stage.slice(0, 3)} [${set}/${p.doc}] ${p.q}  → ${who}\n    about="${u.said.about}" ${problem}; gold rank ${best.i + 1}/${ranked.length} p=${v?.p?.toFixed(2)} share=${v?.features?.share.toFixed(2)} near=${v?.features?.near.toFixed(2)} soft=${v?.features?.soft.toFixed(2)} contrary=${v?.features?.contrary.toFixed(2)} contradicted=${v?.contradicted} missing=[${nearOf(v?.missing ?? [], docText.slice(best.c.start, best.c.end))}]\n    gold: ${short(docText.slice(best.c.start, best.c.end), 200)}`,
    );
  }
console.log([...tally].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
