/**
 * Is a span in quotation marks speech, or a title, a name or a scare-quoted
 * term (the show "60 Minutes", a "person of interest", a "homework
 * assignment sheet")? The features a learned classifier (rank.ts) weighs.
 */
import { looksLikeTitle } from './titles.js';

export const TITLE_FEATURES = [
  'bias', 'titleCase', 'oneWord', 'fewWords', 'manyWords', 'endsSentence', 'lowerStart', 'personal', 'functionWords',
  'namingBefore', 'workNounBefore', 'determinerBefore', 'ownAttribution', 'speechInSentence', 'opensSentence', 'commaHandsOver',
] as const;
export type TitleFeature = (typeof TITLE_FEATURES)[number];

const NAMING = /(?:\b(?:called|calling|calls|dubbed|titled|entitled|named|labeled|labelled|branded|nicknamed|known as|so-called|term|word|words|phrase|slogan|hashtag|motto|label|dubbing|branding|termed|deemed|as)\s*)$/iu;
const WORK_NOUNS = /\b(?:show|film|movie|book|song|single|album|series|podcast|program|programme|novel|play|magazine|newspaper|campaign|operation|musical|documentary|episode|video|article|column|blog|exhibit|exhibition|brand|title|sign|signs|banner|headline|tour|event|project|app|game|character|role|sitcom|drama|comedy|segment|report|poem|painting|tweet|hashtag|shirt|t-shirt|slogan)\s+(?:\S+\s+){0,2}$/iu;
/** Characters before the opening mark the naming and work-noun cues read. */
const BEFORE_WINDOW = 400;
const FUNCTION_WORDS = /\b(?:is|are|was|were|be|been|will|would|can|could|should|have|has|had|do|does|did|not|n't|to|that|it|this|we|i|you|they|he|she)\b/iu;
const PERSONAL = /\b(?:I|I'm|I’m|I've|I’ve|me|my|we|our|us|you|your)\b/u;

/**
 * Features of the quoted span text[start, end) given what precedes its opening mark in its sentence (`before`),
 * whether the rules read an attribution of its own, whether a speech verb stands in its sentence, and whether
 * its trailing comma hands over to words after it.
 */
export function titleFeatures(quote: string, before: string, own: boolean, speechInSentence: boolean, commaHandsOver: boolean): Record<TitleFeature, number> {
  const words = quote.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  // (the cues before the opening mark are its last few words: a window keeps a sentence of thousands of quotation
  // marks from costing each of them a scan of everything before it)
  const b = before.slice(-BEFORE_WINDOW).replace(/\s+$/u, '');
  return {
    bias: 1,
    titleCase: looksLikeTitle(quote) ? 1 : 0,
    oneWord: words <= 1 ? 1 : 0,
    fewWords: words >= 2 && words <= 4 ? 1 : 0,
    manyWords: words >= 8 ? 1 : 0,
    endsSentence: /[.!?…]$/u.test(quote.trim()) ? 1 : 0,
    lowerStart: /^\p{Ll}/u.test(quote.trim()) ? 1 : 0,
    personal: PERSONAL.test(quote) ? 1 : 0,
    functionWords: FUNCTION_WORDS.test(quote) ? 1 : 0,
    namingBefore: NAMING.test(b + ' ') || NAMING.test(b) ? 1 : 0,
    workNounBefore: WORK_NOUNS.test(b + ' ') ? 1 : 0,
    determinerBefore: /\b(?:a|an|the|his|her|their|its|our|this|that)$/iu.test(b) ? 1 : 0,
    ownAttribution: own ? 1 : 0,
    speechInSentence: speechInSentence ? 1 : 0,
    opensSentence: /[\p{L}\p{N}]/u.test(b) || /[\p{L}\p{N}]/u.test(before) ? 0 : 1,
    commaHandsOver: commaHandsOver ? 1 : 0,
  };
}
