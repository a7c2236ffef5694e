/**
 * Which quotation spans a finder change adds or removes on the TUNING sets (never the blind sets): dump the spans
 * before the change, apply it, dump again and compare. Stories of the fit part are printed span by span (text,
 * length, speaker, whether a new span holds a verb of saying outside its own words); the check part only by count.
 *
 *   npx tsx test/quotes/span-diff.ts dump /tmp/before.json     # on the code before the change
 *   npx tsx test/quotes/span-diff.ts dump /tmp/after.json      # on the code after it
 *   npx tsx test/quotes/span-diff.ts compare /tmp/before.json /tmp/after.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { findQuotations } from '../../src/quotes/index.js';
import { storyDocument } from './labelled-news.js';
import { tuningParts } from './score-classes.js';

interface Span { start: number; end: number; speaker: string | null | undefined; quote: string }
type Dump = Record<string, { part: 'fit' | 'check'; text: string; spans: Span[] }>;

const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'dump' && a) {
  const out: Dump = {};
  for (const [part, sets] of Object.entries(tuningParts()) as ['fit' | 'check', [string, import('./labelled-news.js').LabelledStory[]][]][])
    for (const [set, stories] of sets)
      for (const s of stories)
        out[`${set} ${s.id}`] = { part, text: s.text, spans: findQuotations(storyDocument(s)).map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, quote: q.quote })) };
  writeFileSync(a, JSON.stringify(out));
} else if (cmd === 'compare' && a && b) {
  const before = JSON.parse(readFileSync(a, 'utf8')) as Dump;
  const after = JSON.parse(readFileSync(b, 'utf8')) as Dump;
  const key = (q: Span) => `${q.start}-${q.end}`;
  let checkChanged = 0;
  for (const [id, x] of Object.entries(after)) {
    const old = new Map((before[id]?.spans ?? []).map((q) => [key(q), q]));
    const now = new Map(x.spans.map((q) => [key(q), q]));
    const added = x.spans.filter((q) => !old.has(key(q)));
    const removed = [...old.values()].filter((q) => !now.has(key(q)));
    const respoken = x.spans.filter((q) => old.has(key(q)) && old.get(key(q))!.speaker !== q.speaker);
    if (!added.length && !removed.length && !respoken.length) continue;
    if (x.part === 'check') { checkChanged += added.length + removed.length + respoken.length; continue; }
    console.log(`== ${id}`);
    for (const q of removed) console.log(`  - [${q.end - q.start}] ${JSON.stringify(q.quote.slice(0, 160))} (${q.speaker ?? '-'})`);
    for (const q of added) console.log(`  + [${q.end - q.start}] ${JSON.stringify(q.quote.slice(0, 160))} (${q.speaker ?? '-'})`);
    for (const q of respoken) console.log(`  ~ ${JSON.stringify(q.quote.slice(0, 80))}: ${old.get(key(q))!.speaker ?? '-'} → ${q.speaker ?? '-'}`);
  }
  console.log(`check part: ${checkChanged} spans or speakers changed (not printed)`);
}
