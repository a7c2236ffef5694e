/**
 * Scores `classify()` (src/understand/intent.ts) on the hand-labelled intent corpus
 * (test/fixtures/understand/) and `questionLanguage()` on the language corpus: accuracy
 * per intent and a confusion table. `npx tsx test/helpers/intent-report.ts heldout|train`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, type IntentKind } from '../../src/understand/intent.js';
import { questionLanguage } from '../../src/understand/language.js';
import { ROOT } from './paths.js';

export interface LabelledIntent {
  text: string;
  intent: IntentKind;
  paragraph?: number;
}

export function loadIntentCorpus(split: 'train' | 'heldout'): LabelledIntent[] {
  return readFileSync(path.join(ROOT, 'test/fixtures/understand', `intent-${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledIntent);
}

export function loadLanguageCorpus(split: 'train' | 'heldout'): { text: string; lang: string }[] {
  return readFileSync(path.join(ROOT, 'test/fixtures/understand', `language-${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang: string });
}

/** Right when the kind matches and, for a paragraph request or a summary of one paragraph, the number too. */
export function intentRight(item: LabelledIntent): { got: IntentKind; right: boolean } {
  const i = classify(item.text);
  const n = i.kind === 'paragraph' ? i.n : i.kind === 'summary' ? i.paragraph : undefined;
  return { got: i.kind, right: i.kind === item.intent && n === item.paragraph };
}

if (process.argv[1]?.endsWith('intent-report.ts')) {
  const split = (process.argv[2] ?? 'heldout') as 'train' | 'heldout';
  const items = loadIntentCorpus(split);
  const kinds: IntentKind[] = ['question', 'quote', 'paragraph', 'summary', 'chat'];
  const confusion = new Map<string, number>();
  const per = new Map<IntentKind, { n: number; right: number }>();
  for (const item of items) {
    const { got, right } = intentRight(item);
    const p = per.get(item.intent) ?? { n: 0, right: 0 };
    p.n++;
    if (right) p.right++;
    else if (process.argv.includes('-v')) console.log(`✗ ${item.intent}${item.paragraph !== undefined ? `:${item.paragraph}` : ''} → ${got}: ${item.text}`);
    per.set(item.intent, p);
    confusion.set(`${item.intent}>${got}`, (confusion.get(`${item.intent}>${got}`) ?? 0) + 1);
  }
  const total = [...per.values()].reduce((a, p) => ({ n: a.n + p.n, right: a.right + p.right }), { n: 0, right: 0 });
  console.log(`intent (${split}): ${total.right}/${total.n} right (${((100 * total.right) / total.n).toFixed(1)}%)`);
  for (const k of kinds) {
    const p = per.get(k);
    if (p) console.log(`  ${k.padEnd(9)} ${p.right}/${p.n} (${((100 * p.right) / p.n).toFixed(0)}%)`);
  }
  console.log(`confusion (rows: labelled, columns: classified)\n${''.padEnd(10)}${kinds.map((k) => k.slice(0, 8).padStart(9)).join('')}`);
  for (const r of kinds) console.log(`${r.padEnd(10)}${kinds.map((c) => String(confusion.get(`${r}>${c}`) ?? 0).padStart(9)).join('')}`);
  if (process.argv.includes('--time')) {
    const all = [...loadIntentCorpus('train'), ...loadIntentCorpus('heldout')].map((i) => i.text);
    for (const m of all) questionLanguage(m) && classify(m);
    for (const [name, f] of [['classify', classify], ['questionLanguage', questionLanguage]] as const) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let r = 0; r < 20; r++) for (const m of all) f(m);
      const c = process.cpuUsage(c0);
      const n = 20 * all.length;
      console.log(`${name}: ${((performance.now() - t0) / n).toFixed(3)} ms wall, ${((c.user + c.system) / 1000 / n).toFixed(3)} ms CPU per message (${n} messages, warm)`);
    }
  }
  const langs = loadLanguageCorpus(split);
  const bad = langs.filter((l) => (questionLanguage(l.text) === 'en') !== (l.lang === 'en'));
  for (const l of bad) if (process.argv.includes('-v')) console.log(`✗ lang ${l.lang} → ${questionLanguage(l.text)}: ${l.text}`);
  const en = langs.filter((l) => l.lang === 'en');
  console.log(`language (${split}): ${langs.length - bad.length}/${langs.length} right on English vs not (non-English caught ${langs.filter((l) => l.lang !== 'en' && questionLanguage(l.text) !== 'en').length}/${langs.length - en.length}, English kept ${en.filter((l) => questionLanguage(l.text) === 'en').length}/${en.length})`);
}
