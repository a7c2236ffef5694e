/**
 * Fits the intent classifier (./intent-model.ts): multinomial logistic
 * regression with an L2 penalty, by full-batch gradient descent, on
 * test/fixtures/understand/intent-train.jsonl only. The penalty and the
 * confidence bar are chosen by 5-fold cross-validation on the same training
 * part; the held-out part is never read here. Writes ./intent-model.json.
 *
 * `npm run fit:intent` (add `--dry` to print the cross-validation without writing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { classifierFeatures, classify } from './intent.js';
import { intentVector } from './intent-features.js';
import { intentWordVectors } from './intent-vectors.js';
import type { IntentLabel, IntentModel } from './intent-model.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CLASSES: IntentLabel[] = ['question', 'quote', 'paragraph', 'summary', 'chat'];

interface Item {
  text: string;
  intent: IntentLabel;
  paragraph?: number;
}

function load(): Item[] {
  return readFileSync(path.join(ROOT, 'test/fixtures/understand/intent-train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
}

interface Row {
  feats: string[];
  vec: Float32Array | null;
  y: number;
}

const WV = process.argv.includes('--no-vectors') ? null : intentWordVectors();
const rowOf = (it: Item): Row => ({ feats: classifierFeatures(it.text), vec: WV && intentVector(it.text, WV), y: CLASSES.indexOf(it.intent) });

/** Softmax regression by gradient descent; returns feature → weights per class, and per class the weights of the mean word vector. */
export function fitSoftmax(rows: Row[], l2: number, epochs = 400, rate = 0.5): { weights: Record<string, number[]>; dense?: number[][] } {
  const K = CLASSES.length;
  const dim = rows.find((r) => r.vec)?.vec?.length ?? 0;
  const dense = Array.from({ length: K }, () => new Array<number>(dim).fill(0));
  const w = new Map<string, number[]>();
  for (const r of rows) for (const f of r.feats) if (!w.has(f)) w.set(f, new Array<number>(K).fill(0));
  for (let e = 0; e < epochs; e++) {
    const grad = new Map<string, number[]>();
    const gd = Array.from({ length: K }, () => new Array<number>(dim).fill(0));
    for (const r of rows) {
      const z = new Array<number>(K).fill(0);
      for (const f of r.feats) for (let k = 0; k < K; k++) z[k]! += w.get(f)![k]!;
      if (r.vec) for (let k = 0; k < K; k++) for (let i = 0; i < dim; i++) z[k]! += dense[k]![i]! * r.vec[i]!;
      const max = Math.max(...z);
      const ex = z.map((v) => Math.exp(v - max));
      const sum = ex.reduce((a, b) => a + b, 0);
      if (r.vec) for (let k = 0; k < K; k++) for (let i = 0; i < dim; i++) gd[k]![i]! += (ex[k]! / sum - (k === r.y ? 1 : 0)) * r.vec[i]!;
      for (const f of r.feats) {
        const g = grad.get(f) ?? new Array<number>(K).fill(0);
        for (let k = 0; k < K; k++) g[k]! += ex[k]! / sum - (k === r.y ? 1 : 0);
        grad.set(f, g);
      }
    }
    for (const [f, ws] of w) {
      const g = grad.get(f);
      for (let k = 0; k < K; k++) ws[k]! -= (rate * ((g?.[k] ?? 0) + l2 * ws[k]!)) / rows.length * 10;
    }
    for (let k = 0; k < K; k++) for (let i = 0; i < dim; i++) dense[k]![i]! -= (rate * (gd[k]![i]! + l2 * dense[k]![i]!)) / rows.length * 10;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const weights = Object.fromEntries([...w].map(([f, ws]) => [f, ws.map(round)]).filter(([, ws]) => (ws as number[]).some((v) => Math.abs(v) >= 0.005)));
  return dim ? { weights, dense: dense.map((d) => d.map(round)) } : { weights };
}

/** Is the classification right: the kind, and for paragraph requests (and summaries of one paragraph) the number. */
export function isRight(item: Item, model: IntentModel): boolean {
  const i = classify(item.text, model, WV);
  const n = i.kind === 'paragraph' ? i.n : i.kind === 'summary' ? i.paragraph : undefined;
  return i.kind === item.intent && n === item.paragraph;
}

function crossValidate(items: Item[], l2: number, bars: number[], errors?: string[]): number[] {
  const right = bars.map(() => 0);
  for (let fold = 0; fold < 5; fold++) {
    const train = items.filter((_, i) => i % 5 !== fold);
    const test = items.filter((_, i) => i % 5 === fold);
    const fit = fitSoftmax(train.map(rowOf), l2);
    bars.forEach((bar, b) => {
      for (const it of test) {
        if (isRight(it, { classes: CLASSES, bar, ...fit })) right[b]!++;
        else if (errors && b === 0) errors.push(`${it.intent} → ${classify(it.text, { classes: CLASSES, bar, ...fit }, WV).kind}: ${it.text}`);
      }
    });
  }
  return right.map((r) => r / items.length);
}

if (process.argv[1]?.endsWith('intent-fit.ts')) {
  const items = load();
  const bars = [0.3, 0.4, 0.5, 0.6, 0.7];
  const runs: { l2: number; bar: number; acc: number }[] = [];
  for (const l2 of [0.003, 0.01, 0.03, 0.1]) {
    const accs = crossValidate(items, l2, bars);
    console.log(`l2 ${l2}: ${accs.map((a, i) => `bar ${bars[i]} → ${(100 * a).toFixed(1)}%`).join(', ')}`);
    accs.forEach((acc, i) => runs.push({ l2, bar: bars[i]!, acc }));
  }
  // The safest setting (highest bar, then strongest penalty) within one point of the best cross-validated accuracy.
  const top = Math.max(...runs.map((r) => r.acc));
  const best = runs.filter((r) => r.acc >= top - 0.01).sort((a, b) => b.bar - a.bar || b.l2 - a.l2)[0]!;
  console.log(`chosen: l2 ${best.l2}, bar ${best.bar} (5-fold CV on the training part ${(100 * best.acc).toFixed(1)}%)`);
  if (process.argv.includes('--errors')) {
    const errors: string[] = [];
    crossValidate(items, best.l2, [best.bar], errors);
    console.log(errors.join('\n'));
  }
  if (!process.argv.includes('--dry')) {
    const fit = fitSoftmax(items.map(rowOf), best.l2);
    const model: IntentModel = { classes: CLASSES, bar: best.bar, ...fit };
    writeFileSync(path.join(HERE, 'intent-model.json'), `${JSON.stringify(model)}\n`);
    console.log(`wrote intent-model.json: ${Object.keys(fit.weights).length} features${fit.dense ? ` and ${fit.dense[0]!.length} word-vector dimensions` : ''}`);
  }
}
