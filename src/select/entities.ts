/**
 * Which kinds of answer a sentence holds (people, organisations, places,
 * dates, numbers, ordinals), tagged with `compromise` plus a few patterns it
 * misses (years, digits, capitalised names it does not know). Memoised by
 * text: a sentence is tagged once, however many questions read it.
 */
import { nlp } from '../text/nlp.js';
import type { AnswerType } from '../understand/answer-type.js';

export type Entities = Partial<Record<Exclude<AnswerType, 'agent'>, string[]>>;

const memo = new Map<string, Entities>();
const MEMO_MAX = 20_000;

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\b/gu;
const YEAR = /\b(?:1[0-9]{3}|20[0-9]{2})s?\b/g;
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight)\b/giu;
const DIGITS = /\d[\d,.]*(?:\s*(?:%|percent|million|billion|thousand|hundred))?/gu;
const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|several|half)\b/giu;
const ORDINAL = /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\b/giu;
/** A run of capitalised words not at the sentence's start ("the African Union", "UN headquarters"). */
const PROPER = /(?<=[\p{L}\p{N},;:–—-]\s+(?:the\s+|of\s+)?)(?:[\p{Lu}][\p{L}.’'-]*)(?:\s+(?:of\s+|the\s+|de\s+|and\s+)?[\p{Lu}][\p{L}.’'-]*)*/gu;

/** A short title in quotation marks ("His latest album, "Rebirth," was released"): one to six words, capitalised, no sentence end inside. */
const TITLE = /[“"‘](?=[\p{Lu}\p{N}])((?:[^“”"‘’.!?\s]+\s?){1,6}?)[,]?[”"’](?!\p{L})/gu;

/** "at UN headquarters", "in New York", "in a closed-door meeting at …": where something happened. */
const LOCATIVE = /\b(?:in|at|near|outside|inside|across|throughout)\s+(?:(?:a|an|the)\s+)?(?:[\p{Lu}][\p{L}.’'-]+(?:\s+[\p{Lu}][\p{L}.’'-]+)*|(?:[\p{L}-]+\s+){0,2}(?:headquarters|hall|building|room|hotel|centre|center|city|capital|house|home|hospital|prison|court|school|stadium|office|embassy|church|village|town|country|region))/gu;

const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[0]);

function tag(text: string): Entities {
  const doc = nlp(text);
  const out: Entities = {};
  const put = (k: keyof Entities, xs: string[]) => {
    const v = xs.map((x) => x.trim().replace(/[,.;:]+$/u, '')).filter(Boolean);
    if (v.length) out[k] = [...(out[k] ?? []), ...v];
  };
  put('person', doc.people().out('array') as string[]);
  put('organization', doc.organizations().out('array') as string[]);
  put('place', [...(doc.places().out('array') as string[]), ...all(LOCATIVE, text).filter((l) => !/^(?:in|at)\s+(?:(?:a|an|the)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)/u.test(l))]);
  put('date', [...(doc.match('#Date+').out('array') as string[]), ...all(MONTH, text), ...all(YEAR, text), ...all(WEEKDAY, text)]);
  put('number', [...(doc.match('#Value+').out('array') as string[]), ...all(DIGITS, text), ...all(NUMBER_WORDS, text)]);
  put('ordinal', [...(doc.match('#Ordinal').out('array') as string[]), ...all(ORDINAL, text)]);
  put('name', [...text.matchAll(TITLE)].map((m) => m[1]!));
  // Capitalised names compromise does not know: people or bodies (a "who" answer).
  const proper = all(PROPER, text).filter((p) => !/^(?:I|The|A|An|He|She|It|They|We|This|That)$/.test(p));
  if (proper.length) out.organization = [...(out.organization ?? []), ...proper];
  return out;
}

/**
 * @example
 * entitiesOf('Talks began in 1994.').date; // ['1994']
 */
export function entitiesOf(text: string): Entities {
  let e = memo.get(text);
  if (!e) {
    e = tag(text);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, e);
  }
  return e;
}

/** Entities worked out earlier (stored beside the index: src/index/analysis.ts), remembered as if tagged here. */
export function rememberEntities(entries: [string, Entities][]): void {
  for (const [text, e] of entries) {
    if (memo.size >= MEMO_MAX) break;
    memo.set(text, e);
  }
}

/** The entities of a sentence that can answer a question of this type. */
export function candidatesOfType(text: string, type: AnswerType): string[] {
  const e = entitiesOf(text);
  switch (type) {
    case 'agent':
      return [...(e.person ?? []), ...(e.organization ?? [])];
    case 'person':
      return [...(e.person ?? []), ...(e.organization ?? [])];
    case 'organization':
      return [...(e.organization ?? []), ...(e.person ?? [])];
    case 'place':
      return e.place ?? [];
    case 'number':
      return [...(e.number ?? []), ...(e.ordinal ?? [])];
    case 'ordinal':
      return [...(e.ordinal ?? [])];
    case 'date':
      return e.date ?? [];
    case 'name':
      // A title, or any proper name: "which play…" is answered by "a Neil Simon play" as well as by ""Rebirth"".
      return [...(e.name ?? []), ...(e.person ?? []), ...(e.organization ?? []), ...(e.place ?? []).filter((p) => /\p{Lu}/u.test(p))];
  }
}
