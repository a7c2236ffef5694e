/**
 * Request words: how a person asks ("quote", "show me", "the exact words",
 * "the passage", "paragraph") as opposed to what they ask about. They never
 * count as content words a sentence must contain.
 */

/** How a message may open before its request: "hey bot", "@verbatim", "yo", "ok so". */
const ADDRESS = /^(?:(?:hey|hi|hello|yo|ok|okay|so|um|uh|oi|pls|please)\b[\s,:;!.-]*)*(?:@?verbatim\b|bot\b)?[\s,:;!.-]*/iu;

/**
 * The message without how it addresses the bot; the message itself when nothing else is left.
 *
 * @example
 * withoutAddress('hey bot quote the section on X'); // 'quote the section on X'
 */
export function withoutAddress(message: string): string {
  const rest = message.replace(ADDRESS, '');
  return rest.trim() ? rest : message;
}

/** A polite opening before a request verb: "please", "can you", "could you please". */
const POLITE = String.raw`(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?`;

/** Verbs and phrases that ask for something to be shown. */
const ASK = String.raw`(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:(?:quote|cite|show|copy[\s-]?paste|paste|give|find|get|pull(?:\s+up)?|read|print|share|send|point\s+me\s+to|bring\s+up|display|copy|fetch|list|tell|highlight|post|drop|dig\s+up|look\s+up|hit\s+(?:me|us)\s+with)(?:\s+(?:me|us))?|gimme|lemme\s+(?:see|have|read|get)|(?:can|could|may)\s+(?:i|we)\s+(?:see|get|have|read)|i(?:'d|\s+would)\s+(?:like|love)|(?:i\s+)?(?:want|wanna|need)(?:\s+to\s+(?:see|read))?(?:\s+(?:to\s+)?see)?|let\s+me\s+(?:see|have|read))`;

/** Nouns naming a piece of the text, with their modifiers. */
const PIECE = String.raw`(?:(?:the|a|an|any|some|all|his|her|their|its)\s+)?(?:(?:exact|precise|actual|verbatim|original|full|relevant|specific|whole|literal)\s+)*(?:words?|wording|passages?|paragraphs?|parts?|bits?|sections?|sentences?|lines?|text|quotes?|quotations?|excerpts?|extracts?|snippets?|statements?|remarks?|language|phrasing|place|portion|piece)`;

/** What links the piece to its topic. */
const LINK = String.raw`(?:about|abt|bout|on|regarding|concerning|re\s*:|re|wrt|w/r/t|involving|covering|touching\s+on|to\s+do\s+with|mentioning|that\s+(?:mentions?|talks?\s+about|says?|discuss(?:es)?|covers?|deals?\s+with|refers?\s+to)|where\s+(?:.+?\s+)?(?:talks?|speaks?|writes?|says?|mentions?|discuss(?:es)?|refers?)(?:\s+(?:about|of|to))?|in\s+which\s+(?:.+?\s+)?(?:talks?|speaks?|says?|mentions?)(?:\s+about)?|with|of|from|for|describing|listing|naming|detailing|explaining|outlining|discussing|talking\s+about|dealing\s+with|related\s+to|referring\s+to|where|when|in\s+which)`;

/** What a person says, as a piece of text ("Biden's exact words", "Quintana's own remarks"). */
const SAYING = String.raw`(?:(?:exact|precise|actual|verbatim|original|full|own|direct|literal)\s+)*(?:words|wording|quotes?|quotations?|remarks?|statements?|comments?|language|phrasing|message|tweets?|posts?|speech)`;

/** When words were said ("after the match", "in response"): the occasion of someone's words, not a topic. */
const OCCASION = String.raw`(?:\s+(?:after|before|during|following|at\s+the\s+end\s+of|in\s+(?:response|reply|reaction))\b.*)?`;

/** "Give me Biden's exact words", "show me Obama's words to Reid", "what were Quintana's exact words", "Venus's exact words after the match": whose words, and to whom. */
const SPEAKER_WORDS = [
  new RegExp(String.raw`^${ASK}\s+(.+?)[’']s\s+${SAYING}(?:\s+to\s+(.+)|${OCCASION})$`, 'iu'),
  new RegExp(String.raw`^(?!${ASK}\s)(?:the\s+)?(?!(?:what|which|who|how|why|where|when|is|are|was|were|do|does|did)\b)(.+?)[’']s\s+${SAYING}(?:\s+to\s+(.+)|${OCCASION})$`, 'iu'),
  new RegExp(String.raw`^what\s+(?:are|were)\s+(.+?)[’']s\s+(?:(?:exact|precise|actual|verbatim|own|direct|literal)\s+)*(?:words|wording|quotes?|remarks?)(?:\s+to\s+(.+))?$`, 'iu'),
];

/** Colloquial words for a person ("the Israeli guy"): the topic is the Israeli, whom the text calls "man" or by name. */
const COLLOQUIAL_PERSON = /\s*\b(?:guys?|dudes?|fellas?|blokes?|chaps?|gals?)(?:['’]s)?(?!\p{L})/giu;

/** The topic without colloquial person words, unless nothing else is left. */
function plainTopic(topic: string): string {
  const rest = topic.replace(COLLOQUIAL_PERSON, '').trim();
  return /\p{L}{2,}/u.test(rest.replace(/\b(?:the|a|an|that|this|those|these|some)\b/giu, '')) ? rest : topic;
}

/** A quote request of someone's words without a topic: the speaker (and the addressee, a topic too). */
function speakerWords(q: string): { speaker: string; to?: string } | null {
  for (const re of SPEAKER_WORDS) {
    const m = re.exec(q);
    if (m?.[1] && !/^(?:the|this|that|his|her|their|its|my|your)$/i.test(m[1].trim())) return { speaker: m[1].trim(), ...(m[2] ? { to: m[2].trim() } : {}) };
  }
  return null;
}

/** A word naming a piece of text or a topic link: "quote the part on X" names no one. */
const PIECE_WORD = /\b(?:words?|wording|passages?|paragraphs?|parts?|bits?|sections?|sentences?|lines?|text|quotes?|quotations?|excerpts?|extracts?|snippets?|place|portion|piece|about|on|regarding|where|¶)\b|¶/iu;

/** Who is not a speaker to look up: the text itself, pronouns. */
const NOT_SPEAKER = /^(?:the|this|that|his|her|their|its|my|your|it|he|she|they|we|you|i|one|someone|somebody|(?:the|this|that)\s+(?:article|story|document|doc|text|piece|report|writer|author|page))$/i;

/** Someone's words named in a quote request: "X's exact words on …", "the bit where X talks about …", "quote what X said about …". */
const SPEAKER_IN_REQUEST = [
  new RegExp(String.raw`^${ASK}\s+(.+?)[’']s\s+${SAYING}\s+${LINK}\s+.+$`, 'iu'),
  // "the mayor's words on the flooding"
  new RegExp(String.raw`^(?!${ASK}\s)(?:the\s+)?(?!(?:what|which|who|how|why|where|when|is|are|was|were|do|does|did)\b)(.+?)[’']s\s+${SAYING}\s+${LINK}\s+.+$`, 'iu'),
  // "quote the mayor on the flooding": someone (not a piece of text) on a topic
  new RegExp(String.raw`^${POLITE}(?:quote|cite)\s+(?!(?:me|us|it|this|that|the\s+(?:part|bit|passage|section|line|paragraph|article|story|text))\b)(.+?)\s+(?:on|about|regarding|re:?)\s+.+$`, 'iu'),
  new RegExp(String.raw`\b(?:where|in\s+which|when)\s+(.+?)\s+(?:talks?|talked|speaks?|spoke|says?|said|writes?|wrote|tweets?|tweeted|explains?|explained|describes?|described|mentions?|mentioned)\b`, 'iu'),
  new RegExp(String.raw`^(?:${ASK}\s+)?what\s+(.+?)\s+(?:said|says|told|tweeted|wrote|stated|had\s+to\s+say)\b`, 'iu'),
  // "paste the bit about what hillary said in response"
  new RegExp(String.raw`^${ASK}\s+(?:the\s+)?(?:part|bit|passage|section|line|lines|quote|words)\s+(?:about|on|regarding|re:?|abt)\s+what\s+(.+?)\s+(?:said|says|told|tweeted|wrote|stated|had\s+to\s+say)\b`, 'iu'),
  // "what did Maxwell say about Paris, word for word", "what exactly did Grace say about …"
  new RegExp(String.raw`^what\s+(?:exactly\s+)?(?:did|does|do|has|have)\s+(.+?)\s+(?:say|write|tweet|tell)\b`, 'iu'),
  // "any quotes from Froome?", "give me a quote by the ministry"
  new RegExp(String.raw`\b(?:quotes?|quotations?|words|statements?|remarks?|comments?|tweets?)\s+(?:from|by)\s+(.+)$`, 'iu'),
  // "quote Froome", "cite the ministry of culture" (someone, not a piece of text)
  new RegExp(String.raw`^${POLITE}(?:quote|cite)\s+(?!(?:me|us|it|this|that)\b)(.+)$`, 'iu'),
];

/** Whose words a quote request asks for ("Give me Quintana's exact words about Froome" → "Quintana"), else null. */
export function quoteSpeaker(question: string): string | null {
  const q = question.trim().replace(/[?.!]+$/u, '').trim();
  const own = speakerWords(q);
  if (own) return own.speaker;
  for (const re of SPEAKER_IN_REQUEST) {
    const speaker = re.exec(q)?.[1]?.replace(/\s+(?:pls|plz|please|thanks|thx)$/iu, '').replace(/^(?:does|did|do)\s+/iu, '').trim();
    // "where is the plea deal mentioned" names a topic, not a speaker.
    if (speaker && !/^(?:is|are|was|were|been|be|he|she|they|it|i|we|you)(?:\s|$)/iu.test(speaker) && !NOT_SPEAKER.test(speaker) && !PIECE_WORD.test(speaker) && !/^what\b/i.test(speaker) && speaker.split(/\s+/).length <= 4) return speaker;
  }
  return null;
}

const QUOTE_BY_TOPIC = [
  // "word for word: the plea deal", "quote: the plea deal" (first: "word for word" is not a piece "for" a topic)
  new RegExp(String.raw`^(?:verbatim|word\s+for\s+word|exact\s+words?|quote)\s*(?:[:–—]|\s-)\s*(.+)$`, 'iu'),
  // "Quote the passage about division of labour", "Give me Annan's exact words on multilateralism"
  new RegExp(String.raw`^${ASK}\s+(?:(.+?)[’']s\s+)?${PIECE}\s+${LINK}\s+(.+)$`, 'iu'),
  // "Quote what was said about mediation efforts", "quote what Hardwick tweeted about his dad"
  new RegExp(String.raw`^${POLITE}(?:quote|cite|paste|show|give|read|pull\s+up|copy)\s+(?:me\s+|us\s+)?(what\s+.+?\s+(?:said|says|told|tweeted|wrote|stated|had\s+to\s+say)\b.*)$`, 'iu'),
  new RegExp(String.raw`^${POLITE}(?:quote|cite)\s+(?:me\s+)?(what\s+.+)$`, 'iu'),
  // "show me what he's being charged with", "paste me what the ruling was": the passage that says it.
  new RegExp(String.raw`^${POLITE}(?:show|paste|pull\s+up|copy)\s+(?:me|us)\s+(what\s+(?!(?:is|are|was|were)\s+(?:up|new|going\s+on)\b|(?:you|u)\b).+)$`, 'iu'),
  // "what did Maxwell say about Paris, word for word": a question about someone's words asked for verbatim is a quote request.
  new RegExp(String.raw`^what\s+(?:did|does|do|has|have)\s+.+?\s+(?:say|write|tweet|tell\s+\S+)\s+(?:about|on|regarding|concerning|re:?|abt)\s+(.+?)[\s,;:–—-]+(?:word\s+for\s+word|verbatim|in\s+(?:his|her|their)\s+(?:own\s+)?(?:exact\s+)?words|exact\s+words|exactly)(?:\s+(?:pls|plz|please|thx))?$`, 'iu'),
  // "what exactly did Grace say about catching McIlroy?": "exactly" asks for the words themselves, as "word for word" does.
  new RegExp(String.raw`^what\s+exactly\s+(?:did|does|do|has|have)\s+.+?\s+(?:say|write|tweet|tell\s+\S+)\s+(?:about|on|regarding|concerning|re:?|abt)\s+(.+)$`, 'iu'),
  // "where'd it say it was all square", "whered the story mention the fine": the place it says so.
  new RegExp(String.raw`^where(?:['’]?d|\s+did|\s+does)\s+(?:it|the\s+(?:article|story|text|document|doc|piece|report))\s+(?:say|mention|talk\s+about|discuss|describe)\s+(?:that\s+)?(.+)$`, 'iu'),
  // "Quote the bit about X" handled above; "quote on X" / "quotes about X"
  new RegExp(String.raw`^(?:any\s+)?${PIECE}\s+${LINK}\s+(.+)$`, 'iu'),
  // "quote the mayor on the flooding": someone's words on a topic (whose, quoteSpeaker reads).
  new RegExp(String.raw`^${POLITE}(?:quote|cite)\s+(?!(?:me|us|it|this|that|paragraph|para|graf)\b)[^¶§\d][^¶§]*?\s+(?:on|about|regarding|re:?)\s+(.+)$`, 'iu'),
  // "the mayor's words on the flooding"
  new RegExp(String.raw`^(?!${ASK}\s)(?:the\s+)?(?!(?:what|which|who|how|why|where|when|is|are|was|were|do|does|did)\b).+?[’']s\s+${SAYING}\s+${LINK}\s+(.+)$`, 'iu'),
  // "anything in there about the flooding?", "is there a quote about X", "got any lines on X"
  new RegExp(String.raw`^(?:(?:is|are)\s+there\s+|(?:have\s+you\s+)?got\s+|do\s+you\s+have\s+)?(?:anything|something|any(?:thing)?\s+(?:bits?|parts?|lines?|quotes?|passages?)|(?:a|an|any)\s+(?:bits?|parts?|lines?|quotes?|passages?|sentences?|paragraphs?))\s+(?:in\s+(?:there|it|here|the\s+(?:article|story|text|document|doc|piece))\s+)?(?:about|on|regarding|re:?|abt|mentioning)\s+(.+)$`, 'iu'),
  // "quote Froome", "cite the ministry of culture": someone's words (a piece of text or a paragraph is matched above).
  new RegExp(String.raw`^${POLITE}(?:quote|cite)\s+(?!(?:me|us|it|this|that|paragraph|para|graf)\b)([^¶§\d][^¶§]*)$`, 'iu'),
  // "what's the line about X", "which sentence mentions X", "what paragraph talks about X"
  new RegExp(String.raw`^(?:what|which)(?:['’]s|\s+is|\s+are|\s+was)?\s+(?:the\s+)?(?:exact\s+)?(?:lines?|sentences?|passages?|bits?|parts?|quotes?|paragraphs?|wording|section)\s+(?:about|on|regarding|re|concerning|mentioning|that\s+(?:mentions?|talks?\s+about|says?|discuss(?:es)?|covers?))\s+(.+)$`, 'iu'),
  new RegExp(String.raw`^(?:what|which)\s+(?:lines?|sentences?|passages?|bits?|parts?|paragraphs?|section)\s+(?:mentions?|talks?\s+about|says?|discuss(?:es)?|covers?|refers?\s+to|deals?\s+with|is\s+about)\s+(.+)$`, 'iu'),
  // "find me where it mentions the Emmys", "show me the spot where the story talks about X", "… where the writer says X"
  new RegExp(String.raw`^${ASK}\s+(?:the\s+(?:place|spot|part|bit)\s+)?where\s+(?:it|he|she|they|the\s+(?:article|story|text|document|doc|piece|report|writer|author|reporter|journalist|columnist))\s+(?:mentions?|talks?\s+about|says?|discuss(?:es)?|refers?\s+to|covers?|describes?|brings?\s+up)\s+(.+)$`, 'iu'),
  // "show me where shatner paid tribute", "find the spot where the police found the gun": the clause is the topic.
  new RegExp(String.raw`^${ASK}\s+(?:the\s+(?:place|spot|part|bit|line|passage)\s+)?where\s+(?!(?:is|are|was|were|does|did|do)\b)(.+)$`, 'iu'),
  // "where is the plea deal mentioned", "where does the article talk about X"
  new RegExp(String.raw`^where\s+(?:is|are|was|were)\s+(.+?)\s+(?:mentioned|discussed|described|talked\s+about|brought\s+up|covered|quoted)$`, 'iu'),
  new RegExp(String.raw`^where\s+(?:does|did)\s+(?:it|the\s+(?:article|story|text|document|doc|piece|report))\s+(?:mention|talk\s+about|discuss|describe|cover|refer\s+to|bring\s+up)\s+(.+)$`, 'iu'),
  // "the plea deal part, verbatim"
  new RegExp(String.raw`^(.+?)\s+(?:part|bit|section|passage|line|lines)\W*\s*(?:verbatim|word\s+for\s+word|exactly)$`, 'iu'),
  // "the sandbags part pls", "sandbags quote?", "the plea deal bit"
  new RegExp(String.raw`^(?!(?:what|which|who|whom|whose|how|why|when|where|is|are|was|were|do|does|did|can|could|will|would|should|i|you)\b)(?!.*\b(?:was|is|are|were|be|been|that|this|it|its|it's|best|worst|hardest|funniest|favou?rite)\b)(?:the\s+)?((?:\S+\s+){0,4}?\S+)\s+(?:part|bit|section|passage|quote|quotes|line|lines|paragraph|excerpt)(?:[\s,]+(?:pls|please|plz|thx|again|verbatim|word\s+for\s+word))*$`, 'iu'),
  // "got any quotes from Quintana?"
  new RegExp(String.raw`^(?:(?:got|have\s+you\s+got|do\s+you\s+have|are\s+there)\s+)?(?:any\s+)?(?:quotes?|quotations?)\s+(?:from|by)\s+(.+)$`, 'iu'),
];

const PIECE_ON_TOPIC = new RegExp(String.raw`\b${PIECE}\s+(?:about|on|regarding|concerning|mentioning|where|that\s+(?:mentions?|says?|talks?))\b`, 'iu');

/** Does the message name a piece of text and what it is about, anywhere ("… the line about X")? A hint, not a decision. */
export function namesPieceOnTopic(question: string): boolean {
  return PIECE_ON_TOPIC.test(question);
}

/** How a request may end after its topic: "…, word for word", "… verbatim pls", "…, copy paste it", "… for me thx". */
const TAIL = /(?:[\s,;:–—-]+(?:word\s+for\s+word|verbatim|in\s+full|exactly|precisely|as\s+written|copy[\s-]?paste(?:\s+it)?|quote\s+it|pls|plz|please|thanks|thx|ty|for\s+me|real\s+quick|quick(?:ly)?|lol|bro|mate|if\s+you\s+can|thank\s+you))+$/iu;
const withoutTail = (topic: string) => topic.replace(TAIL, '').trim();

/** "what his lawyer said about the gun", "what it says about the jockey": the topic is what follows "about" (whose words, quoteSpeaker reads). */
const SAID_ABOUT = /^what\s+.+?\s+(?:said|says|say|told\s+\S+|tweeted|wrote|writes|stated|had\s+to\s+say|has\s+to\s+say)\s+(?:about|on|regarding|concerning|re:?|abt)\s+(.+)$/iu;
const aboutWhat = (topic: string) => SAID_ABOUT.exec(topic)?.[1]?.trim() || topic;

/** Contractions typed without the apostrophe that terms.ts would read as words: "hes" → "he's", "wont" → "will not". */
const BARE_CONTRACTIONS = new Map([['hes', "he's"], ['shes', "she's"], ['theyre', "they're"], ['youre', "you're"], ['whered', "where'd"], ['wont', 'will not'], ['cant', 'can not'], ['wouldnt', 'would not'], ['couldnt', 'could not'], ['shouldnt', 'should not'], ['theyve', "they've"], ['hed', "he'd"], ['shed', "she'd"]]);
const withContractions = (topic: string) => topic.replace(/\p{L}+/gu, (w) => BARE_CONTRACTIONS.get(w.toLowerCase()) ?? w);

/**
 * Strip request phrasing, keeping the topic: "Cite the part on capacity-building" → "capacity-building".
 *
 * @example
 * quoteTopic('the bit where the club and the studio wont comment'); // 'the club and the studio will not comment'
 */
export function quoteTopic(question: string): string | null {
  const topic = phrasedTopic(question);
  return topic && withContractions(topic);
}

function phrasedTopic(question: string): string | null {
  const q = question.trim().replace(/[?.!]+$/u, '').trim();
  const own = speakerWords(q);
  if (own) return own.to ? `${own.speaker} ${own.to}` : own.speaker;
  for (const re of QUOTE_BY_TOPIC) {
    const m = re.exec(q);
    if (!m) continue;
    const parts = m.slice(1).filter((x): x is string => !!x);
    const topic = aboutWhat(withoutTail(parts.join(' ')));
    if (topic) return plainTopic(topic);
  }
  return null;
}

/** Single request words that carry no topic, removed before retrieval and scoring. */
export const REQUEST_WORDS = new Set([
  'quote', 'quotes', 'quotation', 'quotations', 'cite', 'passage', 'passages', 'exact', 'exactly', 'verbatim', 'word', 'words', 'wording',
  'paragraph', 'paragraphs', 'sentence', 'sentences', 'excerpt', 'excerpts', 'extract', 'snippet', 'please', 'precise', 'literal',
]);

/** "His sentence", "Markoff's sentence", "a one-year prison sentence": a court's sentence, a word of the question, not a request for one. */
const PUNISHMENT_BEFORE = /(?:^(?:his|her|their|my|your|our|prison|jail|life|death|suspended|maximum|minimum|reduced|lighter|harsher|lenient|custodial)|['’]s|-year|-month)$/u;

/**
 * The question with request words removed (for retrieval and scoring).
 *
 * @example
 * withoutRequestWords('Show me the exact words about capacity-building'); // 'Show me the about capacity-building'
 */
export function withoutRequestWords(text: string): string {
  const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const parts = text.split(/(\s+)/);
  return parts
    .filter((w, i) => !REQUEST_WORDS.has(bare(w)) || (/^sentences?$/.test(bare(w)) && PUNISHMENT_BEFORE.test(bare(parts[i - 2] ?? ''))))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that only say how a quote is asked for, in any phrasing (a superset of {@link REQUEST_WORDS}). */
const LOOSE_REQUEST = new Set([
  ...REQUEST_WORDS,
  ...'quoted citation show shows showing give gimme lemme let see find copy paste pull point read print highlight display fetch get send share repeat me us can could would will you u i want need like exactly direct original actual full relevant whole specific text line lines bit part section piece portion wording phrase phrasing pls plz thx verbatim the a an where whered wheres in does did it say says written mention mentions mentioned that which what were was are is about on regarding concerning re to from of with for by used abt bout re something anything stuff mentioning article document doc story piece yo hey hi ok okay so just quickly real quick now again also'.split(' '),
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
    .filter((w) => w && !LOOSE_REQUEST.has(w.toLowerCase().replace(/[’']/g, '')) && !LOOSE_REQUEST.has(w.toLowerCase().replace(/[’']s$/, '')));
  return words.length ? withContractions(plainTopic(words.join(' '))) : null;
}
