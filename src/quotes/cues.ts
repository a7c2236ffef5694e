/**
 * Speech cues: the verbs (and multi-word phrases) that introduce or follow a
 * quotation in news copy, with the class that decides where an addressee
 * stands ("told the Council" vs "said to the Council").
 */
import type { Tok } from './tokens.js';

export type CueClass = 'tell' | 'say' | 'according';

/** Verbs whose direct object is the addressee ("told the Council"). */
const TELL = ['told', 'tell', 'tells', 'telling', 'informed', 'informs', 'assured', 'assures', 'reminded', 'reminds', 'urged', 'urges', 'urging', 'warned', 'warns', 'warning', 'asked', 'asks', 'asking', 'briefed', 'briefs', 'briefing', 'addressed', 'addresses', 'addressing', 'promised', 'promises'];
/** Verbs that report speech ("said", "stressed"); an addressee follows "to". */
const SAY = [
  'said', 'says', 'say', 'saying', 'stressed', 'stresses', 'stressing', 'stress', 'added', 'adds', 'adding', 'noted', 'notes', 'noting',
  'explained', 'explains', 'explaining', 'insisted', 'insists', 'declared', 'declares', 'announced', 'announces', 'stated', 'argued',
  'argues', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 're-emphasized', 're-emphasised', 'underlined', 'underlines',
  'underscored', 'underscores', 'replied', 'replies', 'responded', 'responds', 'remarked', 'observed', 'observes', 'continued',
  'continues', 'concluded', 'concludes', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'recalls', 'claimed',
  'claims', 'suggested', 'suggests', 'proposed', 'proposes', 'demanded', 'demands', 'affirmed', 'affirms', 'reiterated', 'reiterates',
  'wrote', 'writes', 'tweeted', 'cautioned', 'cautions', 'predicted', 'predicts', 'vowed', 'vows', 'pledged', 'pledges', 'described',
  'describes', 'describing', 'exclaimed', 'commented', 'comments', 'highlighted', 'highlights', 'agreed', 'agrees', 'complained',
  'complains', 'conceded', 'concedes', 'countered', 'counters', 'maintained', 'maintains', 'mused', 'recounted', 'recounts', 'quipped',
  'shouted', 'whispered', 'asserted', 'asserts', 'contended', 'contends', 'welcomed', 'welcomes', 'lamented', 'laments', 'appealed',
  'announced', 'reported', 'reports', 'confirmed', 'confirms', 'denied', 'denies', 'disclosed', 'revealed', 'reveals',
  'answered', 'answers', 'posted', 'posts', 'posting', 'writing', 'tweeting', 'texted', 'cried', 'cries', 'chanted', 'yelled',
  'screamed', 'sobbed', 'wailed', 'sang', 'sings', 'recited', 'reads', 'joked', 'jokes', 'boasted', 'bragged', 'testified',
  'testifies', 'states', 'denounced', 'denounces', 'condemned', 'condemns', 'criticized', 'criticised', 'praised', 'recalling',
];
export const CUE_SINGLE = new Map<string, CueClass>([...SAY.map((w) => [w, 'say'] as const), ...TELL.map((w) => [w, 'tell'] as const)]);
const CUE_MULTI: [string[], CueClass][] = [
  [['according', 'to'], 'according'],
  [['called', 'for'], 'say'], [['calls', 'for'], 'say'], [['calling', 'for'], 'say'], [['call', 'for'], 'say'],
  [['pointed', 'out'], 'say'], [['points', 'out'], 'say'], [['went', 'on'], 'say'], [['goes', 'on'], 'say'],
  [['quoted', 'as', 'saying'], 'say'], [['spoke', 'of'], 'say'], [['speaks', 'of'], 'say'], [['referred', 'to'], 'say'],
  [['put', 'it'], 'say'], [['referring', 'to'], 'say'], [['refers', 'to'], 'say'], [['summed', 'up'], 'say'], [['appealed', 'for'], 'say'], [['appealed', 'to'], 'say'],
];
/** Cue words that are also common nouns: only cues when a subject is right before them. */
export const NOUN_LIKE_CUES = new Set(['notes', 'remarks', 'comments', 'claims', 'demands', 'states', 'reports', 'stress', 'say', 'tell', 'call', 'pledges', 'vows', 'briefing', 'warning', 'posts', 'reads', 'cries', 'answers', 'jokes', 'posting', 'writing']);

export function cueAt(toks: Tok[], i: number): { len: number; cls: CueClass } | null {
  for (const [words, cls] of CUE_MULTI) {
    if (words.every((w, k) => toks[i + k]?.word && toks[i + k]!.lower === w)) return { len: words.length, cls };
  }
  const t = toks[i];
  if (!t?.word) return null;
  const cls = CUE_SINGLE.get(t.lower);
  return cls ? { len: 1, cls } : null;
}

