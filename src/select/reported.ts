/**
 * Reported speech the quotation index does not hold (it pairs quotation
 * marks): "delegates said coordination would be made more effective",
 * "Wayne's attorney, Stacey Richman, said after a hearing". Used only to
 * answer "who said …?" when a sentence has no known speaker.
 */
import type { Attribution, StoredDocument } from '../types.js';
import { entitiesOf } from './entities.js';
import { firstNameGender, splitName, type Gender } from '../quotes/names.js';
import { SAY_VERBS, TELL_VERBS } from '../text/speech-verbs.js';

/** Verbs that report speech ("said", "told", "lamented"). */
export const REPORTING_VERB = String.raw`said|says|say|allege|alleges|alleged|stated|states|argued|argues|noted|notes|told|tells|added|adds|stressed|stresses|warned|warns|claimed|claims|insisted|insists|explained|explains|announced|announces|tweeted|tweets|wrote|writes|confirmed|confirms|acknowledged|acknowledges|(?:re-)?emphasi[sz]ed|reported|reports|encouraged|urged|recommended|suggested|called for|complained|complains|recalled|recalls|vowed|vows|lamented|laments`;
const VERB = REPORTING_VERB;
/** Verbs of holding or showing a view: they report a claim as speech does when a "that" clause follows ("Many believe that …", "Reports have shown that …"). */
const VIEW = ['believe', 'believes', 'believed', 'think', 'thinks', 'feel', 'feels', 'show', 'shows', 'showed', 'shown', 'find', 'finds', 'found'];
/**
 * Every verb of saying the quotation index knows (src/text/speech-verbs.ts) and the verbs of a view: outside the
 * narrower {@link REPORTING_VERB} they report speech only with what was said right after them as a "that" clause
 * ("Opponents of affirmative action argue that …") or right before them as a quotation ("“It is a miracle, this,” he
 * declared."); elsewhere they are narration ("Meg sighed", "he laughed at the joke").
 */
const CLAUSAL = [...new Set([...SAY_VERBS, ...TELL_VERBS, ...VIEW])].join('|');
/** The object a telling verb may take before its "that" clause ("told her that", "assured Congress that"). */
const OBJECT = String.raw`(?:\s+(?:him|her|them|me|us|you|[\p{Lu}][\p{L}’'.-]+))?`;
/** Verbs of asking: a question reported with "if" or "whether" is what they say ("Henry asked if he could be moved …", "Max asked Greg if he wanted …"). */
const ASKING = String.raw`asked|asks|inquired|inquires|enquired|enquires|wondered|wonders`;
/** What a verb of saying takes as the words said: a "that" clause, or for a verb of asking an "if"/"whether" clause. */
const THAT = String.raw`(?<=\b(?:${ASKING}))${OBJECT}\s+(?:if|whether)\b|${OBJECT}\s+that\b`;

/** "Sicard agreed to teach Gallaudet his method", "Jerry offered to help": agreeing, offering or refusing to do something is said. */
const UNDERTAKING = String.raw`(?:agreed|offered|refused|volunteered)\s+to(?=\s+\p{L})`;
/** "The person familiar with the case would not confirm …": declining to say is saying something too. */
const REFUSAL = String.raw`(?:would|could|did|does|will)\s+(?:not|never)\s+(?:confirm|comment|say|reveal|disclose)|(?:declined|refused)\s+to\s+(?:confirm|comment|say|reveal|disclose)|denied|denies|${UNDERTAKING}`;

/** The subject right before a saying verb, after a clause boundary; or the name after "according to". */
const BEFORE = new RegExp(String.raw`(?:^|[,;:–—]\s+|[.!?]\s+(?=\p{Lu})|\b(?:and|but|while|as)\s+)(“[^”]*”\s*|"[^"]*"\s*|‘[^’]*’\s*)?(?!(?:and|but|while|as)\s)((?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:\d{1,3}-year-old|[\p{L}’'.-]+)(?:\s+(?:[\p{L}’'.-]+|\p{Lu}&\p{Lu})){0,8}?)(?:,\s*([\p{Lu}][\p{L}’'.-]+(?:\s+[\p{Lu}][\p{L}’'.-]+){0,3}),)?(?:,\s*\d{1,3},)?\s+(?:(${VERB}|${REFUSAL})\b|(?:(?:have|has|had)\s+)?(${CLAUSAL})\b(${THAT})?)`, 'gu');
const AFTER = new RegExp(String.raw`[,”"]\s*(${VERB})\s+((?:the\s+)?[\p{Lu}][\p{L}’'.-]+(?:\s+[\p{Lu}][\p{L}’'.-]+){0,5})`, 'u');
const ACCORDING = /\b[Aa]ccording to\s+((?:(?:a|an|the)\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5}?)(?=[,.;]|\s+(?:on|in|at|about|who|whom|which|that)\b|$)/u;

/**
 * The reporter's frame at the end of a sentence ("She told the witness she provided these drugs …, authorities say."):
 * it reports the whole sentence, so it names the source before any speaker inside ("She told").
 */
const FRAME = new RegExp(String.raw`,\s+(?!(?:which|who|whom|that|as|and|but|or)\b)((?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,3}?)\s+(${VERB})[.!?]?["”]?\s*$`, 'u');
const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|which|who)$/i;
/** A person the sentence refers to by pronoun ("He said he was grateful"). */
const PERSONAL = /^(?:he|she)$/i;
/** "Chris Hardwick, who hosts the aftershow …, said": the name before a relative clause. */
const RELATIVE = new RegExp(String.raw`^((?:[\p{Lu}][\p{L}’'.-]+\s+){0,3}[\p{Lu}][\p{L}’'.-]+),\s+(?:who|whose)\b[^]*?[,”"]\s+(${VERB})\b`, 'u');
/** "Republican Walter Jones of North Carolina, who said he will …": the name whose relative clause says it. */
const WHO_SAID = new RegExp(String.raw`((?:[\p{Lu}][\p{L}’'.-]+\s+){0,3}[\p{Lu}][\p{L}’'.-]+)(?:\s+(?:of|from)\s+(?:[\p{Lu}][\p{L}’'.-]+\s*){1,3})?,\s+who\s+(?:has\s+|had\s+|also\s+|once\s+)?(${VERB})\b`, 'u');
/** "Mourad Benmehidi, the Algerian ambassador to the United Nations, said …": the name before its appositive. */
const APPOSITIVE = new RegExp(String.raw`^((?:[\p{Lu}][\p{L}’'.-]+\s+){0,3}[\p{Lu}][\p{L}’'.-]+),\s+(?:the|a|an|his|her|its|their)\s+[^,“”"]{1,80},\s+(${VERB})\b`, 'u');
/**
 * A description without what describes it further: a relative clause, a participle or a prepositional phrase after its
 * head ("the FBI agent who questioned Saddam", "a lawyer representing the family", "the mother of a 25-year-old woman").
 *
 * @example
 * descriptionCore('a lawyer representing the family'); // 'a lawyer'
 */
export const descriptionCore = (s: string): string =>
  s
    .trim()
    .replace(/\s+(?:who|whom|that|which|whose)\b.*$/iu, '')
    .replace(/\s+\p{Ll}+ing\b.*$/u, '')
    .replace(/\s+(?:of|for|from|at|in|with|on)\s+.*$/iu, '');

/**
 * "The ambassador said …", "according to an FBI agent who interviewed the dictator", "a lawyer representing the family
 * said": a reporter named only by a role noun (up to two words before it, a clause after it). Its noun, else null.
 */
export function describedNoun(speaker: string): string | null {
  const core = descriptionCore(speaker);
  const m = /^(?:the|an?)\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}{3,})$/u.exec(core.replace(/^(?:The|An?)\b/u, (w) => w.toLowerCase()));
  return m ? m[1]! : null;
}
/**
 * An adverb in -ly between a subject and its verb ("He presently told her that …", "Annan repeatedly said"): not a
 * word of the speaker. Only after a personal pronoun or a capitalised name, so "the family said" keeps its noun.
 *
 * @example
 * withoutAdverb('He presently'); // 'He'
 * withoutAdverb('the family'); // 'the family'
 */
export const withoutAdverb = (speaker: string): string =>
  speaker.replace(/^((?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)|(?!(?:The|An?|His|Her|Its|Their|My|Our|Your)\s)(?:\p{Lu}[\p{L}’'.-]*\s+)*\p{Lu}[\p{L}’'.-]*)\s+\p{Ll}{2,}ly$/u, '$1');
/** A person described by age ("The 25-year-old R&B and hip-hop artist", "the 61-year-old"): the news's way to name again whom it just named. */
const AGED = /^(?:the|an?)\s+\d{1,3}-year-old\b/iu;
/** Words of time after a subject ("Kofi Annan today re-emphasized"). */
const TIME = /\s+(?:today|yesterday|also|then|later|earlier|now)$/iu;

/**
 * @example
 * reportedSpeaker('Among several issues discussed today, delegates said coordination would be made more effective.');
 * // { speaker: 'delegates', cue: 'said', addressee: null, setting: null }
 * reportedSpeaker('He said he was grateful.', () => 'Chris Hardwick'); // { speaker: 'Chris Hardwick', cue: 'said', … }
 */
export function reportedSpeaker(sentence: string, antecedent: (pronoun: string) => string | null = () => null, described: (noun: string) => string | null = () => null): Attribution | null {
  const a = AFTER.exec(sentence);
  if (a) return { speaker: a[2]!.replace(/\.$/u, ''), cue: a[1]!, addressee: null, setting: null };
  const frame = FRAME.exec(sentence.trim());
  if (frame) {
    const who = PRONOUN.test(frame[1]!) ? (PERSONAL.test(frame[1]!) ? antecedent(frame[1]!.toLowerCase()) : null) : frame[1]!;
    if (who) return { speaker: who, cue: frame[2]!, addressee: null, setting: null };
  }
  const rel = RELATIVE.exec(sentence);
  if (rel) return { speaker: rel[1]!, cue: rel[2]!, addressee: null, setting: null };
  const app = APPOSITIVE.exec(sentence);
  if (app) return { speaker: app[1]!, cue: app[2]!, addressee: null, setting: null };
  const whoSaid = WHO_SAID.exec(sentence);
  if (whoSaid) return { speaker: whoSaid[1]!, cue: whoSaid[2]!, addressee: null, setting: null };
  // A verb only the wider list knows reports speech with a "that" clause after it or a quotation before it (CLAUSAL),
  // and only as its subject's own verb: "few analysts were willing to predict that …" is not the analysts' prediction.
  const m = [...sentence.matchAll(BEFORE)].find((x) => x[4] || ((x[6] || x[1]) && !/\bto$/u.test(x[2]!)));
  if (m) {
    const speaker = withoutAdverb((m[3] ?? m[2]!).trim().replace(TIME, ''));
    const cue = m[4] ?? m[5]!;
    // "The ambassador said": the person named with that title before ("Mourad Benmehidi, the Algerian ambassador …").
    const noun = describedNoun(speaker);
    const named = noun ? described(noun) : null;
    if (named) return { speaker: named, cue, addressee: null, setting: null };
    // "The 25-year-old R&B and hip-hop artist explains …": a person described by age is the one the sentences before named
    // ("Chris Brown has some words of advice …"), as a pronoun would be.
    const aged = AGED.test(speaker) ? antecedent('they') : null;
    if (aged) return { speaker: aged, cue, addressee: null, setting: null };
    if (!PRONOUN.test(speaker)) return { speaker, cue, addressee: null, setting: null };
    // "He said he was grateful": whom "he" stands for, when the caller knows.
    const who = PERSONAL.test(speaker) ? antecedent(speaker.toLowerCase()) : null;
    if (who) return { speaker: who, cue, addressee: null, setting: null };
  }
  const acc = ACCORDING.exec(sentence);
  if (acc) {
    const speaker = acc[1]!.trim().replace(/\.$/u, '');
    // "according to an FBI agent who interviewed the dictator": the agent the document names ("agent George Piro").
    const noun = describedNoun(acc[0]!.replace(/^[Aa]ccording to\s+/u, '') + sentence.slice(acc.index + acc[0]!.length).replace(/[.!?]+\s*$/u, ''));
    return { speaker: (noun && described(noun)) || speaker, cue: 'according to', addressee: null, setting: null };
  }
  return null;
}

/** Role nouns the news writes for the same job ("a lawyer representing the family" … "Ceccaldi, a French attorney"; WordNet does not pair "spokesman" / "spokeswoman"). */
const ROLE_KIN: readonly (readonly string[])[] = [
  ['lawyer', 'attorney', 'counsel', 'solicitor', 'barrister', 'lawyers', 'attorneys'],
  ['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople'],
  ['prosecutor', 'prosecutors'],
  ['official', 'officials', 'officer', 'officers'],
  ['mother', 'mom', 'mum'],
  ['father', 'dad'],
];

/**
 * The role nouns that name the same job as `noun` (itself included).
 *
 * @example
 * roleKin('lawyer'); // ['lawyer', 'attorney', 'counsel', …]
 */
export const roleKin = (noun: string): readonly string[] => ROLE_KIN.find((g) => g.includes(noun.toLowerCase())) ?? [noun];
const NAME_WORD = String.raw`[\p{Lu}][\p{L}’'.-]+`;

/**
 * Whom "the ambassador" stands for: the nearest person named with that noun (or a kin one: lawyer/attorney) —
 * "Mourad Benmehidi, the Algerian ambassador to …", "Ambassador Mourad Benmehidi", "agent George Piro" — before the
 * sentence, else in it or the three paragraphs after ("according to an FBI agent who …" in ¶1, "agent George Piro" in ¶3).
 * A lone surname ("Ceccaldi, a French attorney") is given as the document's fuller name for it ("Marcel Ceccaldi").
 *
 * @example
 * describedPerson(doc, start, 'ambassador'); // "Mourad Benmehidi"
 */
export function describedPerson(doc: StoredDocument, start: number, noun: string): string | null {
  const i = doc.sentences.findIndex((s) => s.start === start);
  const here = doc.sentences[i];
  if (!here) return null;
  const nouns = roleKin(noun);
  // Either case for the noun's first letter ("Ambassador Mourad Benmehidi", "agent George Piro"); a name's words are capitalised.
  const n = `(?:${nouns.map((x) => `[${x[0]!.toUpperCase()}${x[0]!.toLowerCase()}]${x.slice(1).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`).join('|')})`;
  const NAME = String.raw`((?:${NAME_WORD}\s+){0,3}${NAME_WORD})`;
  // The appositive closes with a comma ("Ceccaldi, a French attorney, said"; not "Hussein, the agent hinted").
  const after = new RegExp(String.raw`${NAME},\s+(?:the|a|an)\s+(?:[\p{L}’'.-]+\s+){0,4}?${n}(?:\s+(?:to|of|for|at|in|with|on)\s+[^,]{1,60})?,`, 'u');
  const before = new RegExp(String.raw`\b${n}\s+${NAME}`, 'u');
  const found = (j: number) => {
    const s = doc.sentences[j]!;
    const text = doc.text.slice(s.start, s.end);
    const m = after.exec(text) ?? before.exec(text);
    return m && /^\p{Lu}/u.test(m[1]!) ? fuller(doc.text, m[1]!) : null;
  };
  for (let j = i - 1; j >= 0; j--) {
    const who = found(j);
    if (who) return who;
  }
  for (let j = i; j < doc.sentences.length && doc.sentences[j]!.paragraph - here.paragraph <= 3; j++) {
    const who = found(j);
    if (who) return who;
  }
  return null;
}

/** "Ceccaldi" → "Marcel Ceccaldi" when the document writes that; a name of two words or more stays. A lone word that is no name ("The", "In") is none. */
function fuller(text: string, name: string): string | null {
  if (/\s/u.test(name)) return name;
  const m = new RegExp(String.raw`(?:${NAME_WORD}\s+){1,2}${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\b`, 'u').exec(text);
  return m && !/^(?:The|A|An|In|On|At|But|And|When|While)\s/u.test(m[0]) ? m[0] : null;
}

/**
 * Whom a sentence's "he" or "she" most likely stands for, when nothing else says: in the nearest
 * sentence before it (same or previous paragraph) that names someone, the known speaker named first
 * (by surname: "Klugman, who won two Emmys …"), else the first person it names.
 *
 * @example
 * antecedent(doc, start, ['Jack Klugman']); // "Jack Klugman" for "He told Larry King in 2001 …" after "Klugman, who won two Emmys …"
 */
export function antecedent(doc: StoredDocument, start: number, speakers: readonly string[] = [], pronoun?: string): string | null {
  const i = doc.sentences.findIndex((s) => s.start === start);
  const here = doc.sentences[i];
  if (!here) return null;
  const agrees = (who: string) => pronounAgrees(who, pronoun);
  for (let j = i - 1; j >= 0 && here.paragraph - doc.sentences[j]!.paragraph <= 1; j--) {
    const s = doc.sentences[j]!;
    const text = doc.text.slice(s.start, s.end);
    const named = speakers
      .map((who) => ({ who, at: text.search(new RegExp(String.raw`\b${(who.split(/\s+/u).at(-1) ?? who).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\b`, 'u')) }))
      .filter((x) => x.at >= 0 && agrees(x.who))
      .sort((a, b) => a.at - b.at)[0];
    const person = named?.who ?? (entitiesOf(text).person ?? []).find(agrees);
    if (person) return person;
  }
  return null;
}

/**
 * Whether "she" or "he" may stand for a person: not a man's name for "she", nor a woman's for "he" ("'It will be so
 * sweet to wait,' she said" after "… Tommy should be a single man"). Any other pronoun, or none, may stand for anyone.
 *
 * @example
 * pronounAgrees('Tommy', 'she'); // false
 * pronounAgrees('Grizel', 'she'); // true (the name says no gender)
 */
export function pronounAgrees(who: string, pronoun: string | undefined): boolean {
  const other = pronoun === 'she' ? 'male' : pronoun === 'he' ? 'female' : null;
  return !other || nameGender(who) !== other;
}

/** The gender a person's name gives ("Mrs. Tope", "Tommy", "Sally"), or null when it says none. */
const nameGender = (who: string): Gender => {
  const parts = splitName(who);
  return parts.gender ?? firstNameGender(parts.name[0]);
};
