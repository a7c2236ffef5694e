/**
 * What kind of request a message is: a question, a quote request (by topic
 * or by paragraph number), a summary request (of the document or of one
 * paragraph), or chit-chat. Who-said questions are questions whose
 * attribution shape `said.ts` parses.
 */
import { chatTone, chatToneOf, type ChatTone } from './chat.js';
import { intentFeatures, intentVector, type IntentVectors } from './intent-features.js';
import { intentWordVectors } from './intent-vectors.js';
import { INTENT_MODEL, predictIntent, type IntentModel } from './intent-model.js';
import { looseQuoteTopic, namesPieceOnTopic, quoteSpeaker, quoteTopic, withoutAddress } from './request.js';
import { parseQuoteIntent } from './said.js';

export type Intent =
  | { kind: 'question' }
  /** `speaker`: whose words are asked for ("Biden's exact words"), when the request names someone. */
  | { kind: 'quote'; topic: string; speaker?: string }
  /**
   * `also`: the further paragraphs asked for, as asked ("paragraphs 3 and 4", "¶2-¶5"); `through`: the end of a range
   * counted from the document's end ("paragraph 3 to the last": −1), which only the document can spell out.
   */
  | { kind: 'paragraph'; n: number; also?: number[]; through?: number }
  /** `also`: further paragraphs to summarise with `paragraph` ("summarize paragraphs 3 and 4"); `through`: as a paragraph request's ("summarize paragraphs 3 to the end"). */
  | { kind: 'summary'; paragraph?: number; also?: number[]; through?: number; focus?: string }
  | { kind: 'chat'; tone: ChatTone };

export type IntentKind = Intent['kind'];

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUM = String.raw`(\d{1,4}|${NUMBERS.join('|')})`;
/** "third from last", "2nd to last", "second-last", "third from the end": a paragraph counted back from the end (not "first": "the first to last" reads as a range). */
const FROM_END = String.raw`(?:\d{1,2}(?:nd|rd|th)|second|next|${ORDINALS.slice(2, 10).join('|')})(?:[\s-]+(?:to|from)[\s-]+(?:the[\s-]+)?(?:last|final|end|bottom)|[\s-]+(?:last|final))`;
const ORD = String.raw`(${FROM_END}|\d{1,4}(?:st|nd|rd|th)|${ORDINALS.join('|')}|penultimate|last|final|closing|concluding|opening|intro|introductory|top|lead|lede)`;

// Compiled once (no /g: exec keeps no state between calls).
const ORD_ANY = `(?:${ORD.slice(1)}`;
/** Between two paragraphs of a list: "3, 4", "3 and 4", "3 & 4"; or of a range: "3-4", "3 to 4", "3 through 4". */
const LIST_SEP = String.raw`\s*,\s*(?:and\s+)?|\s+and\s+(?:also\s+)?|\s*&\s*`;
const RANGE_SEP = String.raw`\s*[-–—]\s*|\s+(?:to|through|thru)\s+`;
/** One more paragraph of a list, right after the last: ", 4", " and ¶4", "-4", " to paragraph 4", " and the last one", " and the final paragraph". */
const MORE_PARAGRAPH = new RegExp(String.raw`(${LIST_SEP}|${RANGE_SEP})(?:(?:(?:¶|§)\s*|(?:paragraph|para|graf)\s*)?${NUM}\b|(?:the\s+)?${ORD}(?:\s+(?:one|paragraph|para|graf))?\b(?!\s+(?:sentences?|lines?|words?|bits?|parts?|quotes?|sections?)\b)|(?:the\s+)?(end)\b)`, 'iuy');
/** "the third and fourth paragraphs", "the 2nd, 3rd and 4th paragraphs". */
const ORDINAL_LIST = new RegExp(String.raw`\b(?:the\s+)?(${ORD_ANY}(?:(?:${LIST_SEP})${ORD_ANY})+)\s+(?:paragraphs|paras|grafs)\b`, 'iu');
/** "the first two paragraphs", "the last 3 paras", "the opening couple of paragraphs": a run from either end. */
const FIRST_OR_LAST_N = new RegExp(String.raw`\b(?:the\s+)?(first|opening|top|last|final|closing)\s+${NUM}\s+(?:paragraphs|paras|grafs)\b`, 'iu');
/** A range's paragraphs are listed one by one, up to this many (the engine quotes fewer). */
const MAX_LISTED = 100;

const PARAGRAPH_REFS: [RegExp, (m: RegExpExecArray) => number][] = [
  [new RegExp(String.raw`(?:¶|§)\s*${NUM}\b`, 'iu'), (m) => toNumber(m[1]!)],
  [new RegExp(String.raw`\b(?:paragraphs?|paras?\.?|par\.?|grafs?)\s*(?:no\.?\s*|number\s*|#\s*)?${NUM}\b`, 'iu'), (m) => toNumber(m[1]!)],
  // "the third paragraph from the end", "the 2nd para from the bottom": counted back from the end.
  [new RegExp(String.raw`\b(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|${ORDINALS.slice(0, 10).join('|')})\s+(?:paragraph|para|graf|par)\s+from\s+(?:the\s+)?(?:end|bottom|last)\b`, 'iu'), (m) => -toNumber(m[1]!)],
  [new RegExp(String.raw`\b(?:the\s+)?${ORD}\s+(?:paragraph|para|graf|par)\b`, 'iu'), (m) => toNumber(m[1]!)],
  [/\b(?:the\s+)?(?:paragraph|para)\s+before\s+(?:the\s+)?(?:last|final)\b/iu, () => -2],
  // "quote the lede", "show me the intro": the first paragraph.
  [/\b(?:the\s+)?(?:lede|intro)$/iu, () => 1],
];

/** "paragraph 3", "¶3", "para. 3", "the third paragraph", "paragraph three" → 3 (−1 for "the last paragraph"). */
function paragraphRef(q: string): { n: number; also: number[]; through?: number; at: number; len: number } | null {
  // "the first two paragraphs", "the last 3 paras": each of them, in order.
  const run = FIRST_OR_LAST_N.exec(q);
  if (run) {
    const k = Math.min(toNumber(run[2]!), MAX_LISTED);
    const from = /^(?:last|final|closing)$/iu.test(run[1]!) ? -k : 1;
    if (k >= 1) return { n: from, also: Array.from({ length: k - 1 }, (_, i) => from + 1 + i), at: run.index, len: run[0].length };
  }
  const ords = ORDINAL_LIST.exec(q);
  if (ords) {
    const [n, ...rest] = ords[1]!.split(new RegExp(LIST_SEP, 'iu')).map(toNumber);
    return { n: n!, also: furtherParagraphs(n!, rest), at: ords.index, len: ords[0].length };
  }
  // The reference that comes first in the message ("the 2nd paragraph and paragraph 6" starts at "the 2nd").
  const found = PARAGRAPH_REFS.map(([re, n], i) => ({ m: re.exec(q), n, i })).filter((x): x is { m: RegExpExecArray; n: (m: RegExpExecArray) => number; i: number } => !!x.m);
  found.sort((a, b) => a.m.index - b.m.index || a.i - b.i);
  for (const { m, n, i } of found.slice(0, 1)) {
    // "¶3 and ¶4", "paragraphs 3-4", "the 2nd paragraph and paragraph 6": a list or range follows the number.
    if (i > 3) return { n: n(m), also: [], at: m.index, len: m[0].length };
    const list = paragraphList(q, m.index + m[0].length, n(m));
    const through = list.through !== undefined && n(m) > 0 ? { through: list.through } : {};
    return { n: n(m), also: furtherParagraphs(n(m), list.more), ...through, at: m.index, len: list.end - m.index };
  }
  return null;
}

/**
 * The paragraphs listed after the first one (ranges spelt out), and where the list ends; `through`: a range that runs
 * to a paragraph counted from the end ("3 to the last", "3 through the end"), which ends the list.
 */
function paragraphList(q: string, from: number, first: number): { more: number[]; end: number; through?: number } {
  const more: number[] = [];
  let last = first;
  let end = from;
  MORE_PARAGRAPH.lastIndex = from;
  for (let m = MORE_PARAGRAPH.exec(q); m; m = MORE_PARAGRAPH.exec(q)) {
    const range = new RegExp(`^(?:${RANGE_SEP})$`, 'iu').test(m[1]!);
    // "the end" is a paragraph only as where a range ends.
    if (m[4] && !range) break;
    const n = m[4] ? -1 : toNumber(m[2] ?? m[3]!);
    end = MORE_PARAGRAPH.lastIndex;
    if (range && n < 0 && last > 0) return { more, end, through: n };
    if (range) for (let k = last + 1; k < n && more.length < MAX_LISTED; k++) more.push(k);
    more.push(n);
    last = n;
  }
  return { more, end };
}

/** The further paragraphs in the order asked, each once, without the first. */
const furtherParagraphs = (first: number, more: number[]) => [...new Set(more)].filter((n) => n !== first).slice(0, MAX_LISTED);

/** A summary of the paragraphs asked for: with `also` only when more than one was. */
const paragraphSummary = (ref: { n: number; also: number[]; through?: number }): Intent => ({ kind: 'summary', paragraph: ref.n, ...(ref.also.length ? { also: ref.also } : {}), ...(ref.through !== undefined ? { through: ref.through } : {}) });

/** A paragraph request's intent: with `also` only when more than one paragraph was asked for. */
const paragraphIntent = (ref: { n: number; also: number[]; through?: number }): Intent => ({ kind: 'paragraph', n: ref.n, ...(ref.also.length ? { also: ref.also } : {}), ...(ref.through !== undefined ? { through: ref.through } : {}) });

function toNumber(s: string): number {
  const w = s.toLowerCase();
  if (/^(?:last|final|closing|concluding)$/.test(w)) return -1;
  if (/^penultimate$/.test(w)) return -2;
  const back = new RegExp(`^${FROM_END}$`, 'iu').exec(w);
  if (back) {
    const k = /^(\w+?)(?:[\s-]|$)/u.exec(w)![1]!;
    return -(k === 'next' ? 2 : /^\d/.test(k) ? Number.parseInt(k, 10) : ORDINALS.indexOf(k) + 1);
  }
  if (/^(?:opening|intro|introductory|top|lead|lede)$/.test(w)) return 1;
  if (/^\d/.test(w)) return Number.parseInt(w, 10);
  const i = NUMBERS.indexOf(w);
  return i >= 0 ? i + 1 : ORDINALS.indexOf(w) + 1;
}

/** Summary wording, any way a person asks for one. */
const SUMMARY = new RegExp(
  [
    String.raw`\bsumm?ar(?:y|ies|i[sz]e[sd]?|i[sz]ing|i[sz]ation)\b`,
    String.raw`\bsum(?:s|med)?\s+(?:it\s+|this\s+|that\s+|things\s+|(?:the|this)\s+\w+\s+)?up\b`,
    String.raw`\btl\s*;?\s*dr\b`,
    String.raw`\beli5\b`,
    String.raw`^what(?:['’]s|\s+is)\s+(?:this|it|the\s+(?:article|document|story|text|piece|report|chapter|passage))(?:\s+(?:really|basically|actually))?\s+saying\s*[?.!]*$`,
    String.raw`\b(?:gist|recap|synopsis|overview|rundown|run-down|nutshell|digest)\b`,
    String.raw`\b(?:main|key|central|big|major|core|principal)\s+(?:points?|ideas?|messages?|takeaways?|themes?|thrust|argument|issues?|facts?)\b`,
    String.raw`\b(?:key\s+)?(?:takeaways?|highlights)\b`,
    String.raw`\b(?:short|quick|brief)\s+version\b`,
    String.raw`^what(?:['’]s|\s+is|\s+was)\s+(?:this|it|that|the\s+(?:article|document|story|text|piece|report|page|news))(?:\s+(?:all|mainly|mostly|really|basically|actually))?\s+about\b`,
    String.raw`^what\s+(?:is|are)\s+(?:this|these)\s+(?:article|document|story|text|piece|report)s?\s+about\b`,
    String.raw`^what['’]?s\s+the\s+story(?:\s+here)?\s*[?.!]*$`,
    String.raw`^(?:briefly|in\s+brief|in\s+short)\b.*\bwhat\s+happened\b|\bwhat\s+happened\b.*\b(?:briefly|in\s+brief|in\s+short)\s*[?.!]*$`,
    String.raw`^what\s+does\s+(?:the|this)\s+(?:article|document|story|text|piece|report)\s+say\s*[?.!]*$`,
    String.raw`^(?:in\s+(?:a\s+)?(?:few|couple\s+of|one|a\s+single|two|three)\s+(?:words?|lines?|sentences?)|in\s+brief|in\s+short)\b`,
  ].join('|'),
  'iu',
);

/** With a paragraph number: "what is ¶3 about?", "what is paragraph 4 saying", "what happens in paragraph 4?", what it "basically"/"in short"/"in one line" says, "boil ¶4 down", "paraphrase ¶5". */
const PARAGRAPH_GIST = /^\W*(?:what\b.*\b(?:about|saying)\s*[?.!]*$|what(?:['’]s|\s+is|\s+has)?\s+(?:happens|happened|happening|going\s+on|goes\s+on|went\s+on)\s+in\b|.*\b(?:basically|mainly|essentially|roughly|generally|in\s+short|in\s+brief|briefly|in\s+a\s+nutshell|in\s+a\s+few\s+words|in\s+plain\s+english|in\s+(?:a|one|a\s+single|two|three|a\s+few|few)\s+(?:lines?|sentences?)(?!\s+(?:of|from)\b)|boil(?:s|ed|ing)?\s+(?:\S+\s+){0,3}?down|paraphras(?:e|es|ed|ing))\b)/iu;
/** "what happened here?", "what's the news?": the whole document, with nothing to look for. */
const WHAT_HAPPENED = /^\W*(?:(?:so|ok|okay|hey|yo|hi)\W+)*(?:what(?:['’]s|\s+is|\s+has)?\s+(?:happened|happening|happens|going\s+on|went\s+on|been\s+going\s+on)|what(?:['’]s|\s+is)\s+the\s+(?:news|story|deal))(?:\s+(?:here|there|today|in\s+(?:it|this|the)(?:\s+(?:article|story|news|piece|report|document|text|chapter|passage|excerpt|extract|book))?))?(?:\W+(?:bot|pls|please|plz))*\W*$/iu;

/** "the article", "it", "this": a summary of these is a summary of the whole document. */
const WHOLE = /^(?:(?:the|this|that|your)\s+)?(?:(?:whole|entire|full|complete)\s+)?(?:it|this|that|article|document|story|text|piece|report|page|news|whole\s+thing|thing|doc|chapter|passage|excerpt|extract|book|essay|post)(?:\s+(?:for\s+me|please|pls|plz|thanks|thx|(?:real\s+)?quick(?:ly)?|in\s+a\s+few\s+(?:lines|words|sentences)|briefly))*$/i;
/** "what happened", "everything", "what it says": the whole document again, not a topic to look for. */
const WHOLE_EVENTS = /^(?:(?:all\s+(?:of\s+)?)?(?:what|everything(?:\s+that)?)\s+(?:(?:has|had|just|really|actually)\s+)?(?:happened|happens|went\s+(?:on|down)|is\s+going\s+on|was\s+going\s+on|(?:it|this|the\s+\w+)\s+(?:says?|said|is\s+about|was\s+about))(?:\s+(?:here|there|in\s+(?:it|this|the\s+\w+)))?|everything|all\s+of\s+it|the\s+(?:main\s+)?(?:events|story\s+so\s+far))(?:\s+(?:for\s+me|please|pls|plz|briefly))*$/i;

/** A focus after a summary word: "a summary of the challenges", "summarise what he said about prevention". */
function summaryFocus(q: string): string | undefined {
  const m = /\b(?:summar\w*|sum\s+up|gist|overview|recap|rundown|main\s+points?|key\s+points?|highlights|takeaways?)\s+(?:(?:of\s+)?(?:the|this|that)\s+(?:part|bit|section|passage|piece)\s+)?(?:of|on|about|regarding|concerning|for)\s+(.+?)[?.!]*$/iu.exec(q);
  const focus = m?.[1]?.trim();
  return focus && !WHOLE.test(focus) && !WHOLE_EVENTS.test(focus) ? focus : undefined;
}

/** A request for a paragraph by number: "Quote paragraph 3", "What does ¶8 say?", "Paragraph 7 please". */
const SHOW_PARAGRAPH = /^(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:(?:quote|cite|show|paste|give|read|print|display|copy|get|fetch|send|share|pull\s+up|bring\s+up|open)(?:\s+(?:me|us))?|i(?:'d|\s+would)\s+like|i\s+want|let\s+me\s+(?:see|have|read)|what\s+(?:does|did|do)|what['’]?s\s+in|what\s+is\s+in|what\s+is|what['’]s|go\s+to|jump\s+to)?\s*(?:from\s+)?(?:the\s+)?(?:text\s+of\s+|words\s+of\s+|whole\s+)?$/iu;

/**
 * What the hand-written rules say: sure where they match (they were written
 * against the tuning phrasings), a question otherwise.
 */
export function ruleIntent(question: string): Intent {
  const tone = chatTone(question.trim());
  if (tone) return { kind: 'chat', tone };
  // "hey bot, quote …", "@verbatim summarise …": the request starts after the address.
  const q = withoutAddress(question.trim());
  // "what's up?", "how are you doing?": a greeting asked as a question is still chit-chat.
  if (GREETING_QUESTION.test(q)) return { kind: 'chat', tone: 'greeting' };
  const ref = paragraphRef(q);
  // "what is the third paragraph about?", "what does paragraph 2 basically say": a summary of that paragraph.
  if (ref && PARAGRAPH_GIST.test(q)) return paragraphSummary(ref);
  if (WHAT_HAPPENED.test(q)) return { kind: 'summary' };
  if (SUMMARY.test(q)) {
    if (ref) return paragraphSummary(ref);
    const focus = summaryFocus(q);
    return focus ? { kind: 'summary', focus } : { kind: 'summary' };
  }
  if (ref) {
    const before = q.slice(0, ref.at);
    const after = q
      .slice(ref.at + ref.len)
      .replace(/^\s*(?:of\s+(?:the|this)\s+(?:article|document|story|text))?\s*(?:say|says|said|contain|contains|for\s+me|please|in\s+full|again|verbatim|word\s+for\s+word)?\s*(?:for\s+me|please)?\s*[?.!]*\s*$/iu, '');
    if (!after.trim() && SHOW_PARAGRAPH.test(before)) return paragraphIntent(ref);
  }
  return asQuote(q, false) ?? namedTopic(question.trim()) ?? { kind: 'question' };
}

/** The bot addressed by its name: "verbatim: …", "@verbatim …", "hey verbatim, …". */
const BY_NAME = /^\W*(?:(?:hey|hi|hello|yo|ok|okay|so)\b\W*)*@?verbatim\b[\s,:;!.–—-]*/iu;
/** What opens a question or a request of its own, not a topic: an auxiliary, an imperative, a subject pronoun. */
const NOT_A_TOPIC = /^(?:is|are|was|were|am|do|does|did|can|could|will|would|should|shall|may|might|must|has|have|had|tell|explain|describe|list|compare|give|show|find|help|i|you|he|she|they|we|it|thanks?|thank|ok|okay|yes|no|lol)\b/iu;

/**
 * "verbatim: the plea deal", "@verbatim the plea deal": the bot's name is also
 * the request, so a bare topic after it (no question, no request of its own)
 * asks for the document's words on that topic.
 */
function namedTopic(message: string): Intent | null {
  if (!BY_NAME.test(message)) return null;
  const topic = message.replace(BY_NAME, '').trim().replace(/[.!]+$/u, '').trim();
  if (!topic || /\?/u.test(topic) || ASKS.test(topic) || NOT_A_TOPIC.test(topic) || topic.split(/\s+/u).length > 10 || parseQuoteIntent(topic)) return null;
  return { kind: 'quote', topic };
}

/** The message without the bot's name before it: what the classifier reads ("verbatim, did Annan say …" is "did Annan say …"). */
const withoutName = (q: string) => {
  const rest = q.replace(BY_NAME, '');
  return rest.trim() ? rest : q;
};

/** A question word outside the greeting idioms ("how are you", "what's up"): a message with one is never chit-chat. */
const ASKS = /\b(?:who|whom|whose|what|when|where|why|which|how)\b/i;
const GREETING_QUESTION = /^\W*(?:(?:hi|hello|hey|yo)\W+)*(?:how\s+(?:are|r)\s+(?:you|u|ya)(?:\s+doing)?|how['’]?s\s+it\s+going|how\s+is\s+it\s+going|what['’]?s\s+up|whats\s+up|what\s+up|wh?at['’]?s\s+good|how\s+(?:do\s+you\s+do|have\s+you\s+been))\b[\s\W]*(?:(?:bot|buddy|mate|friend|today)\W*)*$/i;

/** The classifier's features of a message (what the fitting script trains on). */
export function classifierFeatures(question: string): string[] {
  const q = question.trim();
  return intentFeatures(q, hintsOf(q, ruleIntent(q), !!paragraphRef(q)));
}

/** What the rules noticed, given to the classifier as features. */
function hintsOf(q: string, rule: Intent, ref: boolean): string[] {
  const hints: string[] = [rule.kind];
  if (ref) hints.push('ref');
  if (SUMMARY.test(q)) hints.push('summary-word');
  if (namesPieceOnTopic(q)) hints.push('piece-on-topic');
  if (ASKS.test(q) && !GREETING_QUESTION.test(q)) hints.push('asks');
  return hints;
}

/** A question word and then a name's possessive ("what's Lil Wayne's net worth", "how old is Reid's wife"); "what's", "it's" and "that's" are not possessives. */
const POSSESSIVE_QUESTION = /^\W*(?:(?:hey|yo|ok|so)\W+)*(?:who|whom|whose|what|when|where|why|which|how)\b.*?\b(?!(?:what|that|it|there|here|who|where|how|when|why|he|she|let)['’]s\b)\p{L}+['’]s\s+\p{L}/iu;

/** "whats" → "what's": a question typed without the apostrophe is read as the same question. */
const withApostrophes = (q: string) => q.replace(/\b(what|where|who|how|when|why)s\b/giu, "$1's");

/**
 * The intent of a message. The rules decide where they are sure (chit-chat
 * made only of chat words, a paragraph asked for by number in a known
 * phrasing, a quote request of a known shape); otherwise the fitted
 * classifier (./intent-model.ts) reads the message, and when its pick is
 * less probable than the model's bar, the rules' reading stands (a question
 * unless a rule matched). What the classifier's pick needs (a paragraph
 * number, a quote topic) is then read by the rules; without it the message
 * is a question.
 *
 * @example
 * classify('Quote paragraph 3');                    // { kind: 'paragraph', n: 3 }
 * classify('Summarize paragraph 3');                // { kind: 'summary', paragraph: 3 }
 * classify('Cite the part on capacity-building');   // { kind: 'quote', topic: 'capacity-building' }
 * classify('thanks, that helps!');                  // { kind: 'chat', tone: 'thanks' }
 * classify('When did the meetings begin?');         // { kind: 'question' }
 */
export function classify(question: string, model: IntentModel = INTENT_MODEL, vectors: IntentVectors | null = model.dense ? intentWordVectors() : null): Intent {
  const rule = ruleIntent(withApostrophes(question.trim()));
  const q = withApostrophes(withoutName(question.trim()));
  if (rule.kind === 'chat' || rule.kind === 'paragraph') return rule;
  const ref = paragraphRef(q);
  const hints = hintsOf(q, rule, !!ref);
  const { label, p } = predictIntent(intentFeatures(q, hints), model, vectors && intentVector(q, vectors));
  // A quote request of a known shape stays one when the model reads a question ("quote Froome", "any quotes from Froome?").
  if (p < model.bar || label === rule.kind || (rule.kind === 'quote' && label === 'question')) return rule;
  switch (label) {
    case 'chat':
      return hints.includes('asks') ? rule : { kind: 'chat', tone: chatToneOf(q) };
    case 'paragraph':
      // "can you summarise the fifth paragraph": a summary word makes it a summary of that paragraph.
      if (ref) return rule.kind === 'summary' ? rule : paragraphIntent(ref);
      return asQuote(q) ?? rule;
    case 'summary': {
      if (ref) return paragraphSummary(ref);
      // "what's Lil Wayne's net worth": a question about something of someone's, unless a summary word says otherwise.
      if (!SUMMARY.test(q) && POSSESSIVE_QUESTION.test(q)) return rule;
      const focus = summaryFocus(q);
      return focus ? { kind: 'summary', focus } : { kind: 'summary' };
    }
    case 'quote':
      // "did Perez say the probe is about …": a question the attribution parser reads is asked as that, not a topic to quote.
      if (rule.kind === 'question' && parseQuoteIntent(q)) return rule;
      return asQuote(q) ?? rule;
    default:
      return { kind: 'question' };
  }
}

/** A quote request's topic (and whose words, when it names someone); `loose`: any phrasing, not only the known shapes. */
function asQuote(message: string, loose = true): Intent | null {
  const q = withoutAddress(message);
  const topic = quoteTopic(q) ?? (loose ? looseQuoteTopic(q) : null);
  if (!topic) return null;
  const speaker = quoteSpeaker(q);
  return speaker ? { kind: 'quote', topic, speaker } : { kind: 'quote', topic };
}
