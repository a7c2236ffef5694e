/**
 * Request words: how a person asks ("quote", "show me", "the exact words",
 * "the passage", "paragraph") as opposed to what they ask about. They never
 * count as content words a sentence must contain.
 */

/** Verbs and phrases that ask for something to be shown. */
const ASK = String.raw`(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:(?:quote|cite|show|paste|give|find|get|pull\s+up|read|print|share|send|point\s+me\s+to|bring\s+up|display|copy|fetch|list|tell)(?:\s+(?:me|us))?|i(?:'d|\s+would)\s+like|i\s+want|i\s+need|let\s+me\s+(?:see|have|read))`;

/** Nouns naming a piece of the text, with their modifiers. */
const PIECE = String.raw`(?:(?:the|a|an|any|some|all|his|her|their|its)\s+)?(?:(?:exact|precise|actual|verbatim|original|full|relevant|specific|whole|literal)\s+)*(?:words?|wording|passages?|paragraphs?|parts?|bits?|sections?|sentences?|lines?|text|quotes?|quotations?|excerpts?|extracts?|snippets?|statements?|remarks?|language|phrasing|place|portion|piece)`;

/** What links the piece to its topic. */
const LINK = String.raw`(?:about|on|regarding|concerning|re|mentioning|that\s+(?:mentions?|talks?\s+about|says?|discuss(?:es)?|covers?|deals?\s+with|refers?\s+to)|where\s+(?:.+?\s+)?(?:talks?|speaks?|writes?|says?|mentions?|discuss(?:es)?|refers?)(?:\s+(?:about|of|to))?|in\s+which\s+(?:.+?\s+)?(?:talks?|speaks?|says?|mentions?)(?:\s+about)?|with|of|from|for|describing|dealing\s+with|related\s+to|referring\s+to)`;

/** What a person says, as a piece of text ("Biden's exact words", "Quintana's own remarks"). */
const SAYING = String.raw`(?:(?:exact|precise|actual|verbatim|original|full|own|direct|literal)\s+)*(?:words|wording|quotes?|quotations?|remarks?|statements?|comments?|language|phrasing|message)`;

/** "Give me Biden's exact words", "show me Obama's words to Reid", "what were Quintana's exact words": whose words, and to whom. */
const SPEAKER_WORDS = [
  new RegExp(String.raw`^${ASK}\s+(.+?)[’']s\s+${SAYING}(?:\s+to\s+(.+))?$`, 'iu'),
  new RegExp(String.raw`^what\s+(?:are|were)\s+(.+?)[’']s\s+(?:(?:exact|precise|actual|verbatim|own|direct|literal)\s+)+(?:words|wording|quotes?|remarks?)(?:\s+to\s+(.+))?$`, 'iu'),
];

/** A quote request of someone's words without a topic: the speaker (and the addressee, a topic too). */
function speakerWords(q: string): { speaker: string; to?: string } | null {
  for (const re of SPEAKER_WORDS) {
    const m = re.exec(q);
    if (m?.[1] && !/^(?:the|this|that|his|her|their|its|my|your)$/i.test(m[1].trim())) return { speaker: m[1].trim(), ...(m[2] ? { to: m[2].trim() } : {}) };
  }
  return null;
}

/** Whose words a quote request asks for ("Give me Quintana's exact words about Froome" → "Quintana"), else null. */
export function quoteSpeaker(question: string): string | null {
  const q = question.trim().replace(/[?.!]+$/u, '').trim();
  const own = speakerWords(q);
  if (own) return own.speaker;
  const m = new RegExp(String.raw`^${ASK}\s+(.+?)[’']s\s+${SAYING}\s+${LINK}\s+.+$`, 'iu').exec(q);
  const speaker = m?.[1]?.trim();
  return speaker && !/^(?:the|this|that|his|her|their|its|my|your)$/i.test(speaker) ? speaker : null;
}

const QUOTE_BY_TOPIC = [
  // "Quote the passage about division of labour", "Give me Annan's exact words on multilateralism"
  new RegExp(String.raw`^${ASK}\s+(?:(.+?)[’']s\s+)?${PIECE}\s+${LINK}\s+(.+)$`, 'iu'),
  // "Quote what was said about mediation efforts", "quote what Hardwick tweeted about his dad"
  new RegExp(String.raw`^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:quote|cite)\s+(?:me\s+)?(what\s+.+)$`, 'iu'),
  // "Quote the bit about X" handled above; "quote on X" / "quotes about X"
  new RegExp(String.raw`^(?:any\s+)?${PIECE}\s+${LINK}\s+(.+)$`, 'iu'),
];

const PIECE_ON_TOPIC = new RegExp(String.raw`\b${PIECE}\s+(?:about|on|regarding|concerning|mentioning|where|that\s+(?:mentions?|says?|talks?))\b`, 'iu');

/** Does the message name a piece of text and what it is about, anywhere ("… the line about X")? A hint, not a decision. */
export function namesPieceOnTopic(question: string): boolean {
  return PIECE_ON_TOPIC.test(question);
}

/** Strip request phrasing, keeping the topic: "Cite the part on capacity-building" → "capacity-building". */
export function quoteTopic(question: string): string | null {
  const q = question.trim().replace(/[?.!]+$/u, '').trim();
  const own = speakerWords(q);
  if (own) return own.to ? `${own.speaker} ${own.to}` : own.speaker;
  for (const re of QUOTE_BY_TOPIC) {
    const m = re.exec(q);
    if (!m) continue;
    const parts = m.slice(1).filter((x): x is string => !!x);
    const topic = parts.join(' ').trim();
    if (topic) return topic;
  }
  return null;
}

/** Single request words that carry no topic, removed before retrieval and scoring. */
export const REQUEST_WORDS = new Set([
  'quote', 'quotes', 'quotation', 'quotations', 'cite', 'passage', 'passages', 'exact', 'exactly', 'verbatim', 'word', 'words', 'wording',
  'paragraph', 'paragraphs', 'sentence', 'sentences', 'excerpt', 'excerpts', 'extract', 'snippet', 'please', 'precise', 'literal',
]);

/**
 * The question with request words removed (for retrieval and scoring).
 *
 * @example
 * withoutRequestWords('Show me the exact words about capacity-building'); // 'Show me the about capacity-building'
 */
export function withoutRequestWords(text: string): string {
  return text
    .split(/(\s+)/)
    .filter((w) => !REQUEST_WORDS.has(w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that only say how a quote is asked for, in any phrasing (a superset of {@link REQUEST_WORDS}). */
const LOOSE_REQUEST = new Set([
  ...REQUEST_WORDS,
  ...'quoted citation show shows showing give gimme lemme let see find copy paste pull point read print highlight display fetch get send share repeat me us can could would will you u i want need like exactly direct original actual full relevant whole specific text line lines bit part section piece portion wording phrase phrasing pls plz thx verbatim the a an where in does it say says written mention mentions mentioned that which what were was are is about on regarding concerning re to from of with for by used abt bout re something anything stuff mentioning article document doc story piece yo hey hi ok okay so just quickly real quick now again also'.split(' '),
]);

/**
 * The topic of a quote request phrased any way ("gimme the line about the
 * podcast" → "podcast"): the words left once request words and the
 * framing around them are dropped; null when nothing is left.
 *
 * @example
 * looseQuoteTopic('what were his exact words about the judge'); // 'judge'
 */
export function looseQuoteTopic(question: string): string | null {
  const words = question
    .replace(/<@[!&]?\d+>/g, ' ')
    // "where it talks about X", "the bit he speaks of": the verb frames the topic (while "the ceasefire talks" keeps its noun).
    .replace(/\b(?:talk|talks|talking|speak|speaks|speaking|refer|refers|referring)\s+(?:about|abt|of|on|to)\b|\b(?:discuss|discusses|discussing|discussed)\b/giu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w && !LOOSE_REQUEST.has(w.toLowerCase().replace(/[’']/g, '')));
  return words.length ? words.join(' ') : null;
}
