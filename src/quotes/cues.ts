/**
 * Speech cues: the verbs (and multi-word phrases) that introduce or follow a
 * quotation in news copy, with the class that decides where an addressee
 * stands ("told the Council" vs "said to the Council").
 */
import { POST_ONLY_VERBS, SAY_VERBS as SAY, TELL_VERBS as TELL } from '../text/speech-verbs.js';
import { WRITTEN_NOUNS } from './speaker-nouns.js';
import { bare, type Tok } from './tokens.js';

export type CueClass = 'tell' | 'say' | 'according';

export const CUE_SINGLE = new Map<string, CueClass>([...SAY.map((w) => [w, 'say'] as const), ...TELL.map((w) => [w, 'tell'] as const)]);
const CUE_MULTI: [string[], CueClass][] = [
  [['according', 'to'], 'according'],
  [['called', 'for'], 'say'], [['calls', 'for'], 'say'], [['calling', 'for'], 'say'], [['call', 'for'], 'say'],
  [['pointed', 'out'], 'say'], [['points', 'out'], 'say'], [['went', 'on'], 'say'], [['goes', 'on'], 'say'],
  [['quoted', 'as', 'saying'], 'say'], [['spoke', 'of'], 'say'], [['speaks', 'of'], 'say'], [['referred', 'to'], 'say'],
  [['put', 'it'], 'say'], [['referring', 'to'], 'say'], [['refers', 'to'], 'say'], [['summed', 'up'], 'say'], [['appealed', 'for'], 'say'], [['appealed', 'to'], 'say'],
];
/** Cues that report speech only right after the quotation (“No,” returned Dave; “Well,” he broke in). */
const POST_SINGLE = new Set(POST_ONLY_VERBS);
const POST_MULTI: string[][] = [['put', 'in'], ['broke', 'in'], ['cut', 'in'], ['chimed', 'in'], ['spoke', 'up'], ['called', 'out'], ['cried', 'out'], ['came', 'from']];

/** Cue words that are also common nouns: only cues when a subject is right before them. */
export const NOUN_LIKE_CUES = new Set(['notes', 'remarks', 'comments', 'claims', 'demands', 'states', 'reports', 'stress', 'say', 'tell', 'call', 'pledges', 'vows', 'briefing', 'warning', 'posts', 'reads', 'cries', 'answers', 'jokes', 'posting', 'writing', 'claim', 'tweet', 'tweets']);

/** The cue at token i; `post`: the tokens follow the quotation, where {@link POST_ONLY_VERBS} are cues too. */
export function cueAt(toks: Tok[], i: number, post = false): { len: number; cls: CueClass } | null {
  const at = (words: string[]) => words.every((w, k) => toks[i + k]?.word && toks[i + k]!.lower === w);
  for (const [words, cls] of CUE_MULTI) if (at(words)) return { len: words.length, cls };
  if (post) for (const words of POST_MULTI) if (at(words)) return { len: words.length, cls: 'say' };
  const t = toks[i];
  if (!t?.word) return null;
  // "The club's statement read: ‘…’", "the sign read": "read" reports the words of something written.
  if (t.lower === 'read' && toks[i - 1]?.word && WRITTEN_NOUNS.has(bare(toks[i - 1]!).toLowerCase())) return { len: 1, cls: 'say' };
  const cls = CUE_SINGLE.get(t.lower) ?? (post && POST_SINGLE.has(t.lower) ? 'say' : undefined);
  return cls ? { len: 1, cls } : null;
}

