/**
 * Dumps every claim check of the who-said items of tuning sets (one JSON line per question: its candidates with a
 * speaker, their claim features, per-word evidence, and the document-level evidence), for offline feature study.
 *
 * Run: `npx tsx test/helpers/whosaid-dump.ts OUT.jsonl whosaid-tune who7-tune …` (tuning sets only; never a held-out one).
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import type { ClaimSupport } from '../../src/decide/claim.js';
import type { Understanding } from '../../src/understand/understand.js';
import { judge, loadPhrasings, phrasingDocument } from './phrasings.js';
import { ROOT } from './paths.js';

const [out, ...sets] = process.argv.slice(2);
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
let und: Understanding | null = null;
const seen: { speaker: string; start: number; end: number; s: ClaimSupport & { doc?: ClaimSupport } }[] = [];
const engines = new Map<string, Awaited<ReturnType<typeof createEngine>>>();
const lines: string[] = [];
for (const set of sets)
  for (const p of loadPhrasings(set).filter((x) => /^(?:who:|refuse$)/u.test(x.expect) && !x.after)) {
    let e = engines.get(p.doc);
    const document = phrasingDocument(p.doc);
    if (!e) {
      e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [document], onSelection: (u) => (und = u), onClaim: (c, s) => seen.push({ speaker: c.attribution?.speaker ?? '', start: c.start, end: c.end, s }) });
      engines.set(p.doc, e);
    }
    seen.length = 0;
    und = null;
    const a = await e.ask(p.q, { id: 'd', turns: [] });
    const u = und as Understanding | null;
    const byStart = new Map(seen.map((x) => [x.start, x]));
    const cands = [...byStart.values()].filter((x) => x.speaker).map((x) => ({ speaker: x.speaker, text: document.text.slice(x.start, x.end), p: x.s.p, contradicted: x.s.contradicted, f: x.s.features, missing: x.s.missing }));
    lines.push(JSON.stringify({ set, doc: p.doc, q: p.q, expect: p.expect, said: u?.said, problem: judge(p, a, document.text), cands }));
  }
writeFileSync(out!, `${lines.join('\n')}\n`);
console.log(`${lines.length} questions`);
