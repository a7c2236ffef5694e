/**
 * Fit the learned attribution layer on the labelled TUNING stories and
 * estimate how it generalises by k-fold cross-validation by story.
 *
 *   npm run train:attribution              # CV figures (5-fold by story), beside the rules alone
 *   npm run train:attribution -- --write   # also write src/quotes/attribution-model.json
 *   (--misses prints the CV mistakes: tuning data only; --override lets the ranker override the rules)
 *
 * Tuning stories: cnn-attribution.json (dev + round-2 held-out), the round-3
 * fresh set, cnn-attribution-tune4.json, cnn-attribution-tune5.json and the tuning part of
 * cnn-attribution-tune6.json and of gutenberg-attribution-tune8/-tune9.json (never their held-out parts); with --more
 * also the tuning part of squad-attribution-tune10.json and cnn-attribution-tune11.json (round 14; never its partner
 * check11). --all-only prints the CV figures of all stories only. Never the blind sets.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeQuotations, attributionTraces } from '../../src/quotes/build.js';
import type { AttributionModel } from '../../src/quotes/rank.js';
import type { Quotation } from '../../src/types.js';
import { fitLogistic, fitRanker, type RankExample } from '../../src/quotes/train.js';
import { ROOT } from '../helpers/paths.js';
import { describeScore, FRESH_FIXTURE, loadLabelledStories, normName, scoreSplit, storyDocument, type LabelledStory } from './labelled-news.js';

export const TUNE4_FIXTURE = 'test/fixtures/quotes/cnn-attribution-tune4.json';
export const TUNE5_FIXTURE = 'test/fixtures/quotes/cnn-attribution-tune5.json';
export const TUNE6_FIXTURE = 'test/fixtures/quotes/cnn-attribution-tune6.json';
export const TUNE8_FIXTURE = 'test/fixtures/quotes/gutenberg-attribution-tune8.json';
export const TUNE9_FIXTURE = 'test/fixtures/quotes/gutenberg-attribution-tune9.json';
export const TUNE10_FIXTURE = 'test/fixtures/quotes/squad-attribution-tune10.json';
export const TUNE11_FIXTURE = 'test/fixtures/quotes/cnn-attribution-tune11.json';
const FOLDS = 5;

export function tuningStories(more = false): (LabelledStory & { origin: string })[] {
  const base = loadLabelledStories().map((s) => ({ ...s, origin: s.split === 'dev' ? 'dev' : 'r2' }));
  const fresh = loadLabelledStories(FRESH_FIXTURE).map((s) => ({ ...s, origin: 'fresh' }));
  const tune4 = existsSync(path.join(ROOT, TUNE4_FIXTURE)) ? loadLabelledStories(TUNE4_FIXTURE).map((s) => ({ ...s, origin: 'tune4' })) : [];
  const tune5 = existsSync(path.join(ROOT, TUNE5_FIXTURE)) ? loadLabelledStories(TUNE5_FIXTURE).map((s) => ({ ...s, origin: 'tune5' })) : [];
  // tune6's held-out part (attrib2's own) is never trained on.
  const tune6 = existsSync(path.join(ROOT, TUNE6_FIXTURE)) ? loadLabelledStories(TUNE6_FIXTURE).filter((s) => s.split !== 'held-out').map((s) => ({ ...s, origin: 'tune6' })) : [];
  // tune8 and tune9 (Gutenberg fiction, round 8): their tuning parts; their held-out parts are never trained on.
  const tune8 = existsSync(path.join(ROOT, TUNE8_FIXTURE)) ? loadLabelledStories(TUNE8_FIXTURE).filter((s) => s.split !== 'held-out').map((s) => ({ ...s, origin: 'tune8' })) : [];
  const tune9 = existsSync(path.join(ROOT, TUNE9_FIXTURE)) ? loadLabelledStories(TUNE9_FIXTURE).filter((s) => s.split !== 'held-out').map((s) => ({ ...s, origin: 'tune9' })) : [];
  const shipped = [...base, ...fresh, ...tune4, ...tune5, ...tune6, ...tune8, ...tune9];
  if (!more) return shipped;
  // With `more` (--more): also tune10's tuning part (SQuAD, round 9) and all of tune11 (Gutenberg, round 14; its partner
  // check11 is never trained on). The shipped weights are fitted without them.
  const tune10 = loadLabelledStories(TUNE10_FIXTURE).filter((s) => s.split !== 'held-out').map((s) => ({ ...s, origin: 'tune10' }));
  const tune11 = loadLabelledStories(TUNE11_FIXTURE).map((s) => ({ ...s, origin: 'tune11' }));
  return [...shipped, ...tune10, ...tune11];
}

const jaccard = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
};

interface Examples {
  rank: RankExample[];
  titleX: Record<string, number>[];
  titleY: number[];
  unreachable: number;
}

export function examplesOf(stories: LabelledStory[]): Examples {
  const out: Examples = { rank: [], titleX: [], titleY: [], unreachable: 0 };
  for (const s of stories) {
    const traces = attributionTraces(storyDocument(s));
    for (const l of s.quotations) {
      let best: (typeof traces)[number] | undefined;
      let bj = 0.5;
      for (const t of traces) {
        const j = jaccard(l, t);
        if (j >= bj) [best, bj] = [t, j];
      }
      if (!best) continue;
      if (!l.ambiguous) {
        out.titleX.push(best.title);
        out.titleY.push(l.kind === 'speech' ? 0 : 1);
      }
      if (l.ambiguous) continue;
      const names = l.speaker && l.kind === 'speech' ? [l.speaker, ...(l.also ?? [])].map(normName) : null;
      const gold = best.candidates.map((c) => (names ? !!c.speaker && names.includes(normName(c.speaker)) : c.speaker === null));
      if (!gold.some(Boolean)) out.unreachable++;
      out.rank.push({ candidates: best.candidates.map((c) => c.features), gold });
    }
  }
  return out;
}

export function fitModel(stories: LabelledStory[], opts: { titleThreshold: number; fallbackOnly: boolean } = { titleThreshold: 0.7, fallbackOnly: true }): AttributionModel {
  const ex = examplesOf(stories);
  return { speaker: fitRanker(ex.rank), title: fitLogistic(ex.titleX, ex.titleY), titleThreshold: opts.titleThreshold, fallbackOnly: opts.fallbackOnly };
}

const foldOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % FOLDS;

/** K-fold cross-validation by story: each fold's stories scored by a model fitted on the others; beside it, the rules alone. */
export function crossValidate(stories: (LabelledStory & { origin: string })[], opts?: Parameters<typeof fitModel>[1], origin = 'all') {
  const finds = new Map<string, Quotation[]>();
  for (let k = 0; k < FOLDS; k++) {
    const model = fitModel(stories.filter((s) => foldOf(s.id) !== k), opts);
    for (const s of stories) if (foldOf(s.id) === k) finds.set(`cnn/${s.id}`, analyzeQuotations(storyDocument(s), model).quotations);
  }
  const ss = stories.filter((s) => origin === 'all' || s.origin === origin);
  return { cv: scoreSplit(ss, (d) => finds.get(d.id)!), rules: scoreSplit(ss, (d) => analyzeQuotations(d, null).quotations) };
}

if (process.argv[1] && /train-attribution/.test(process.argv[1])) {
  const stories = tuningStories(process.argv.includes('--more'));
  const opts = {
    titleThreshold: Number(process.argv.find((a) => a.startsWith('--title-threshold='))?.split('=')[1] ?? 0.7),
    fallbackOnly: !process.argv.includes('--override'),
  };
  console.log(`tuning stories: ${stories.length} (${['dev', 'r2', 'fresh', 'tune4', 'tune5', 'tune6', 'tune8', 'tune9', 'tune10', 'tune11'].map((o) => `${o} ${stories.filter((s) => s.origin === o).length}`).join(', ')})`);
  const all = examplesOf(stories);
  console.log(`speech quotations for the ranker: ${all.rank.length}, gold not among the candidates: ${all.unreachable}; title examples ${all.titleY.filter(Boolean).length}/${all.titleY.length}`);
  for (const origin of process.argv.includes('--all-only') ? ['all'] : ['all', 'dev', 'r2', 'fresh', 'tune4', 'tune5', 'tune6', 'tune8', 'tune9', 'tune10', 'tune11']) {
    if (origin !== 'all' && !stories.some((s) => s.origin === origin)) continue;
    const { cv, rules } = crossValidate(stories, opts, origin);
    console.log(describeScore(`CV ${FOLDS}-fold ${origin}`, cv));
    console.log(describeScore(`rules only ${origin}`, rules));
    if (origin === 'all' && process.argv.includes('--misses')) for (const m of cv.misses) console.log('  ', JSON.stringify(m));
  }
  if (process.argv.includes('--write') && process.argv.includes('--more')) throw new Error('--write fits the shipped weights on the shipped tuning stories: leave --more out');
  if (process.argv.includes('--write')) {
    const model = fitModel(stories, opts);
    writeFileSync(path.join(ROOT, 'src/quotes/attribution-model.json'), JSON.stringify(model, null, 1) + '\n');
    console.log('wrote src/quotes/attribution-model.json');
  }
}
