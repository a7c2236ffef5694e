/**
 * The kind of thing a question asks for ("which organizations" → an
 * organization, "when" → a date, "how many" → a number, "who" → a person or
 * body). The sentence side (does a sentence hold one?) is tagged with
 * `compromise` in src/select/entities.ts; the type noun is never demanded
 * as a word.
 */

export type AnswerType = 'person' | 'organization' | 'agent' | 'place' | 'date' | 'number' | 'ordinal' | 'name';

const nouns = (s: string) => new Set(s.split(/\s+/));
const HEAD: [AnswerType, Set<string>][] = [
  [
    'person',
    nouns(
      'person people man men woman women president presidents leader leaders player players scientist scientists actor actress author authors writer writers king kings queen queens emperor ruler rulers minister ministers individual artist artists musician singer composer poet inventor founder coach quarterback politician chancellor pope bishop priest philosopher physicist chemist engineer architect son daughter father mother wife husband brother sister lawyer attorney judge doctor professor student students teacher teachers official officials spokesman spokeswoman governor senator mayor general commander captain director producer host rapper character characters figure figures',
    ),
  ],
  [
    'organization',
    nouns(
      'organization organizations organisation organisations team teams company companies group groups party parties band bands university universities college colleges school schools agency agencies body bodies institution institutions network networks club clubs league leagues firm firms corporation corporations church churches government governments army armies council councils committee committees association associations union unions station stations channel channels airline airlines bank banks newspaper newspapers magazine publisher publishers tribe tribes dynasty dynasties court courts department ministry',
    ),
  ],
  [
    'place',
    nouns(
      'city cities country countries state states nation nations region regions town towns village villages river rivers island islands continent continents place places location locations area areas building buildings venue venues street streets mountain mountains lake lakes sea seas ocean oceans province provinces county counties district districts site sites stadium stadiums capital port territory territories land lands neighborhood neighbourhood home house hospital prison',
    ),
  ],
  ['date', nouns('year years day days date dates month months century centuries decade decades time era season age period week weekend')],
  // A work or other named thing: answered by a title or a proper name ("which play…", "what album…").
  [
    'name',
    nouns(
      'album albums song songs single book books novel novels film films movie movies show shows series episode play plays podcast podcasts program programs programme programmes title titles treaty treaties law laws act acts case cases brand brands website websites ship ships game games opera poem poems painting paintings magazine newspaper',
    ),
  ],
  ['number', nouns('number numbers amount percentage percent proportion size population cost price score rate temperature distance height length weight speed total sum fraction share budget')],
];

/**
 * The word of a "which/what N" question that names the kind of answer ("city" in "Which city is Carnegie Mellon in?",
 * "year" in "what year was it set up", "name" in "what's the name of his album"), or null. The answer says the thing
 * itself ("in Pittsburgh", "In 1998"), seldom the word: src/select/features.ts counts the word as met by a sentence
 * that holds an entity of that kind.
 *
 * @example
 * typeNoun('Which city is Carnegie Mellon in?'); // 'city'
 * typeNoun('what year was goonj set up');        // 'year'
 * typeNoun('Who founded it?');                   // null
 */
export function typeNoun(question: string): string | null {
  return typeNounKind(question)?.word ?? null;
}

/** {@link typeNoun} with the kind its word names ("city" → place, "network" → organization, "name of" → name). */
export function typeNounKind(question: string): { word: string; kind: Exclude<AnswerType, 'agent' | 'ordinal'> } | null {
  const s = question.toLowerCase().replace(/[’]/g, "'").replace(/\bwhats\b/g, "what's");
  const wh = /\b(who|whom|whose|when|where|which|what|how)\b/.exec(s);
  if (wh?.[1] !== 'what' && wh?.[1] !== 'which') return null;
  const rest = s.slice(wh.index);
  if (NAME_OF.test(rest)) return { word: 'name', kind: 'name' };
  return headNoun(rest);
}

/**
 * The head noun of "which/what …" (`rest` starts at the wh-word) and the kind it names: the first of the next three
 * words that names one. An auxiliary ends the search: in "what did he host?" nothing names the kind of answer.
 */
function headNoun(rest: string): { word: string; kind: Exclude<AnswerType, 'agent' | 'ordinal'> } | null {
  for (const w of rest.split(/\s+/).slice(1, 4)) {
    const word = w.replace(/[^\p{L}-]/gu, '');
    if (AUX.has(word)) break;
    for (const [kind, set] of HEAD) if (set.has(word)) return { word, kind: kind as Exclude<AnswerType, 'agent' | 'ordinal'> };
  }
  return null;
}

/** "what's the name of …", "what was his album's name for …": the answer is a name. */
const NAME_OF = /^what(?:'s| is| was| were| are)? (?:the |its |his |her |their )?(?:\S+ )?names? (?:of|for|given)\b/;

const AUX = new Set('did does do is was are were has have had will would can could should may might must'.split(' '));

/**
 * @example
 * answerType('Which organizations took part in the meeting?'); // 'organization'
 * answerType('When did the high-level meetings start?');       // 'date'
 * answerType('Who did Annan speak to today?');                 // 'agent'
 * answerType('Why was the sentencing delayed?');               // null
 */
export function answerType(question: string): AnswerType | null {
  // "whats" is "what's" typed without its apostrophe.
  const s = question.toLowerCase().replace(/[’]/g, "'").replace(/\bwhats\b/g, "what's");
  if (/\bcounting from\b|\bin (?:a|the) (?:row|series|sequence)\b|\bwhat (?:number|place|position) (?:was|is|did|in)\b.*\b(?:meeting|time|race|edition|game|season)\b|\bhow many(?:th)?\b.*\bin (?:the )?(?:series|row)\b/.test(s)) return 'ordinal';
  // The question's own wh-word is its first one ("Who was the leader when …?" asks who, not when).
  const wh = /\b(who|whom|whose|when|where|which|what|how)\b/.exec(s);
  const rest = wh ? s.slice(wh.index) : s;
  switch (wh?.[1]) {
    case 'who':
    case 'whom':
    case 'whose':
      return 'agent';
    case 'when':
      return 'date';
    case 'where':
      return 'place';
    case 'how':
      return /^how (?:many|much|old|long|far|big|large|tall|high|often|fast|heavy|deep|wide)\b/.test(rest) ? 'number' : null;
  }
  if (/^(?:what|which) (?:year|day|date|month|time|century|decade|period|era|season)\b|^how long ago\b/.test(rest)) return 'date';
  if (/^what (?:number|percentage|percent|proportion|amount|size|population|age)\b/.test(rest)) return 'number';
  const head = wh ? headNoun(rest) : null;
  if (head) return head.kind;
  if (/\bby whom\b|\bto whom\b/.test(s)) return 'agent';
  // "What is the name of the stadium?", "What is the album called?": a name or a title, whatever it names.
  if (NAME_OF.test(rest) || /^what(?:'s| is| was| were| are) .*\b(?:called|named|titled)\??$/.test(rest)) return 'name';
  // "What is Lil Wayne's real name?": the name, which the sentence gives as a name.
  if (/^what(?:'s| is| was) (?!his |her |their )[\p{L}\p{N}' -]+'s? (?:real |full |first |last |nick|stage |birth |given |maiden )?names?\??$/u.test(rest)) return 'name';
  // "What's his name?", "What was their name?": a person's (or a group's) name.
  if (/^what(?:'s| is| was| were| are)? (?:his|her|their) (?:first |last |full |real |nick)?names?\b/.test(rest)) return 'agent';
  return null;
}
