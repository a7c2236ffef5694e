/**
 * Scoring the quotation finder against the labelled CNN stories
 * (test/fixtures/quotes/cnn-attribution.json, labelled by reading the text).
 *
 * - detection: a found quotation matches a labelled one when their spans
 *   overlap by at least half (character Jaccard ≥ 0.5), one to one; "exact"
 *   counts identical spans.
 * - attribution: of the labelled quotations with a clear speaker, the share
 *   found AND given that speaker (names compared case-insensitively, without
 *   a leading determiner or possessive; `also` lists other acceptable names).
 * - titles/terms: of the labelled titles and scare quotes, how many were
 *   given a speaker (the target is none).
 * - addressees: of the labelled quotations that name one, the share found
 *   with that addressee.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocument } from '../../src/ingest/document.js';
import type { Quotation, StoredDocument } from '../../src/types.js';
import { ROOT } from '../helpers/paths.js';

export interface LabelledQuotation {
  start: number;
  end: number;
  quote: string;
  kind: 'speech' | 'title' | 'term';
  speaker: string | null;
  also?: string[];
  addressee?: string;
  addresseeAlso?: string[];
  ambiguous?: boolean;
}
export interface LabelledStory {
  id: string;
  /** dev: tuned on; held-out: the round-2 held-out stories (read since, so now tuned on too); fresh: the round-3 held-out set. */
  split: 'dev' | 'held-out' | 'fresh' | 'tune';
  text: string;
  quotations: LabelledQuotation[];
}

export const FIXTURE = 'test/fixtures/quotes/cnn-attribution.json';
/** Labelled before the finder was ever run on it; never printed mistake by mistake, never tuned on. */
export const FRESH_FIXTURE = 'test/fixtures/quotes/cnn-attribution-fresh.json';

export function loadLabelledStories(fixture = FIXTURE): LabelledStory[] {
  return (JSON.parse(readFileSync(path.join(ROOT, fixture), 'utf8')) as { stories: LabelledStory[] }).stories;
}

export const storyDocument = (s: LabelledStory): StoredDocument => buildDocument({ id: `cnn/${s.id}`, path: `cnn/${s.id}`, text: s.text });

/** "The Brief's" → "brief"; "@legallyblondekf" stays. */
/** Whether any story of `set` is also in `others` (same id, or the same first 300 characters of text). */
export const sharesStory = (set: readonly LabelledStory[], others: readonly LabelledStory[]) =>
  set.some((s) => others.some((o) => o.id === s.id || o.text.slice(0, 300) === s.text.slice(0, 300)));

export const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

const jaccard = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
};

export interface Miss {
  story: string;
  quote: string;
  want: string | null;
  got: string | null | undefined;
  what: 'missed' | 'speaker' | 'title-speaker' | 'addressee' | 'spurious';
}

export interface Score {
  stories: number;
  labelled: number;
  found: number;
  matched: number;
  exact: number;
  precision: number;
  recall: number;
  clear: number;
  attributedRight: number;
  attribution: number;
  titles: number;
  titlesWithSpeaker: number;
  addressees: number;
  addresseesRight: number;
  misses: Miss[];
}

/** Score one split with a finder. */
export function scoreSplit(stories: LabelledStory[], find: (doc: StoredDocument) => Quotation[]): Score {
  const s: Score = { stories: stories.length, labelled: 0, found: 0, matched: 0, exact: 0, precision: 0, recall: 0, clear: 0, attributedRight: 0, attribution: 0, titles: 0, titlesWithSpeaker: 0, addressees: 0, addresseesRight: 0, misses: [] };
  for (const story of stories) {
    const found = find(storyDocument(story));
    s.labelled += story.quotations.length;
    s.found += found.length;
    // One-to-one matching, best overlap first.
    const pairs: { li: number; fi: number; j: number }[] = [];
    story.quotations.forEach((l, li) => found.forEach((f, fi) => {
      const j = jaccard(l, f);
      if (j >= 0.5) pairs.push({ li, fi, j });
    }));
    pairs.sort((a, b) => b.j - a.j);
    const byLabel = new Map<number, Quotation>();
    const usedF = new Set<number>();
    for (const p of pairs) {
      if (byLabel.has(p.li) || usedF.has(p.fi)) continue;
      byLabel.set(p.li, found[p.fi]!);
      usedF.add(p.fi);
    }
    s.matched += byLabel.size;
    found.forEach((f, fi) => {
      if (!usedF.has(fi)) s.misses.push({ story: story.id, quote: f.quote, want: null, got: f.speaker, what: 'spurious' });
    });
    story.quotations.forEach((l, li) => {
      const f = byLabel.get(li);
      if (f && f.start === l.start && f.end === l.end) s.exact++;
      if (!f) s.misses.push({ story: story.id, quote: l.quote, want: l.speaker, got: undefined, what: 'missed' });
      if (l.kind !== 'speech' && !l.ambiguous) {
        s.titles++;
        if (f?.speaker) {
          s.titlesWithSpeaker++;
          s.misses.push({ story: story.id, quote: l.quote, want: null, got: f.speaker, what: 'title-speaker' });
        }
      }
      if (l.speaker && !l.ambiguous) {
        s.clear++;
        const ok = !!f?.speaker && [l.speaker, ...(l.also ?? [])].some((n) => normName(n) === normName(f.speaker!));
        if (ok) s.attributedRight++;
        else if (f) s.misses.push({ story: story.id, quote: l.quote, want: l.speaker, got: f.speaker, what: 'speaker' });
      }
      if (l.addressee) {
        s.addressees++;
        const ok = !!f?.addressee && [l.addressee, ...(l.addresseeAlso ?? [])].some((n) => normName(n) === normName(f.addressee!));
        if (ok) s.addresseesRight++;
        else if (f) s.misses.push({ story: story.id, quote: l.quote, want: l.addressee, got: f.addressee, what: 'addressee' });
      }
    });
  }
  s.precision = s.found ? s.matched / s.found : 1;
  s.recall = s.labelled ? s.matched / s.labelled : 1;
  s.attribution = s.clear ? s.attributedRight / s.clear : 1;
  return s;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One line per split, for the test's output and the report. */
export function describeScore(name: string, s: Score): string {
  return (
    `${name}: ${s.stories} stories, ${s.labelled} labelled quotations; detection precision ${pct(s.precision)} (${s.matched}/${s.found}), ` +
    `recall ${pct(s.recall)} (${s.matched}/${s.labelled}), exact spans ${s.exact}; attribution ${pct(s.attribution)} (${s.attributedRight}/${s.clear} with a clear speaker); ` +
    `titles/terms given a speaker ${s.titlesWithSpeaker}/${s.titles}; addressees ${s.addresseesRight}/${s.addressees}`
  );
}
