/**
 * Is a question about who said what? "What did Annan tell the Council?",
 * "What did the Secretary-General say about prevention?", "Who called for a
 * new level of seriousness?" are answered from the quotation index first.
 *
 * The caller passes the standalone question (pronouns already resolved from
 * the conversation); a speaker that is still a bare pronoun ("what did he
 * say?") gives `null`, so the caller falls back to ordinary retrieval.
 */

export type QuoteIntent =
  | { kind: 'said-to'; speaker: string; to: string }
  | { kind: 'said-about'; speaker: string; about: string }
  | { kind: 'said'; speaker: string }
  /** "Who said X?"; "Did Y say that X?" names whom the asker suspects (the answer is whoever said X). */
  | { kind: 'who-said'; about: string; speaker?: string }
  | null;

/** Verbs of telling someone something. */
const TELL = String.raw`tell|tells|told|telling|inform|informed|remind|reminded|warn|warned|urge|urged|ask|asked|assure|assured|brief|briefed|promise|promised`;
/** Verbs of saying (an addressee follows "to"). */
const SAY = String.raw`say|says|said|saying|stress|stressed|stresses|emphasi[sz]e|emphasi[sz]ed|add|added|note|noted|declare|declared|announce|announced|state|stated|argue|argued|write|wrote|written|mention|mentioned|suggest|suggested|propose|proposed|claim|claimed|insist|insisted|explain|explained|reply|replied|remark|remarked|think|thinks|thought|feel|feels|felt|recommend|recommended|call for|called for|ask for|asked for|re-emphasi[sz]e|re-emphasi[sz]ed|underline|underlined|speak|spoke|spoken|talk|talked|comment|commented`;
/** Verbs a "who …?" question can ask about. */
const WHO = String.raw`said|says|say|is saying|was saying|reported|reports|revealed|reveals|stated|states|explained|explains|predicted|predicts|estimated|estimates|tweeted|tweets|posted|posts|thinks|thought|believes|believed|felt|feels|reckoned|reckons|figured|wanted|wants|hoped|hopes|wished|admitted|admits|confirmed|confirms|denied|denies|praised|praises|told|tells|called for|calls for|call for|stressed|stresses|emphasi[sz]ed|warned|warns|urged|urges|asked|asks|argued|argues|noted|notes|added|declared|announced|described|describes|mentioned|spoke of|speaks of|spoke about|talked about|insisted|claimed|suggested|proposed|recommended|wrote|writes|referred to|quoted|is quoted as saying|was quoted as saying|made the (?:point|remark|comment|statement)|gave the (?:speech|remarks?)|re-emphasi[sz]ed|pointed out|claims|insists|commented|comments|remarked|remarks|observed|acknowledged|acknowledges|conceded|concedes|maintained|maintains|asserted|asserts|alleged|alleges|contended|contends|suggests|complained|complains|testified|testifies|recalled|recalls|vowed|vows|pledged|pledges|lamented|laments|boasted|boasts|joked|jokes|yelled|yells|shouted|shouts|screamed|screams|exclaimed|exclaims|whispered|whispers|muttered|mutters|begged|begs|pleaded|pleads|grumbled|grumbles|replied|replies|(?:is|was|'s|’s)\s+(?:claiming|insisting|arguing|suggesting|alleging|telling people)`;
const AUX = String.raw`did|does|do|has|have|had|was|is|will|would|could|can|might`;
/** Verbs of agreeing or offering to do something ("who offered to help them move the couch"). */
const UNDERTAKING = String.raw`agreed|offered|volunteered`;
/** Declining to say is a claim too ("who wouldn't confirm where …", "which source refused to say …"): the verb stays in it. */
const DECLINE = String.raw`(?:(?:would|could|did|does|do|will)(?:\s+not|n['’]?t)|refused to|declined to)\s+(?:confirm|say|comment on|reveal|disclose|deny)`;
/** Whom "which …?" asks for. */
const WHICH = String.raw`(?:person|people|official|agency|agencies|group|organi[sz]ation|one|source|man|men|woman|women|spokesman|spokeswoman|spokesperson|lawyer|attorney|expert|member|body|authority|authorities|report|statement|congressman|congressmen|congresswoman|senator|lawmaker|legislator|politician|democrat|republican|agent|student|officer|police|minister|president|leader|representative|analyst|reporter|journalist|newspaper|paper|outlet|network|website|site|witness|resident|doctor|professor|coach|player|actor|actress|singer|rapper|star|relative|friend|prosecutor|judge|mayor|governor|manager|director|executive|chief|head|commander|general|diplomat|ambassador|envoy|activist|investigator|researcher|scientist|guy|lady|dude|party|side|company|firm|team|club|ministry|department|office|government|court|cleric|pastor|sailor|soldier|marine|veteran|hostage|victim|suspect|defendant|husband|wife|mother|father|son|daughter|brother|sister|parent|teacher|detective|sheriff|neighbor|neighbour|survivor|captive|prisoner|inmate)s?`;
/** Who "which …?" asks for, with up to two words before it ("which FBI agent", "which Iowa official"). */
const WHICH_SUBJECT = String.raw`(?:which|what)\s+(?:[\w'’.-]+\s+){0,2}?(?:${WHICH})`;
/** Adverbs between the saying verb and what was said ("who stressed again that …"). */
const AGAIN = String.raw`(?:again|also|once again|once more|repeatedly|publicly|later|earlier)\s+`;
const ABOUT = String.raw`about|on|regarding|concerning|of|with regard to|in relation to|as to`;
/** A trailing topic after an addressee: only unambiguous words ("of" and "on" belong inside names). */
const TOPIC = String.raw`about|regarding|concerning|with regard to|in relation to`;
/** An addressee never starts with a preposition ("ask for", "warn about"). */
const NOT_PREP = String.raw`(?!(?:for|of|about|on|that|against|to|in|at|with|whether|if|how|why|what)\b)`;

const PRONOUN = /^(?:he|she|they|it|him|her|them|his|hers|their|theirs|its|this|that|these|those|you|i|we|one)$/i;

const clean = (s: string) =>
  s
    .trim()
    .replace(/^["“‘']+|["”’']+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

const speakerOf = (s: string): string | null => {
  const v = clean(s).replace(/[’']s$/u, '');
  if (!v || PRONOUN.test(v)) return null;
  if (v.split(' ').length > 12) return null;
  return v;
};

type Rule = { re: RegExp; make: (m: RegExpExecArray) => QuoteIntent };
const r = (src: string) => new RegExp(`^${src}$`, 'iu');

const RULES: Rule[] = [
  // what did X tell Y (about Z)?
  {
    re: r(String.raw`(?:what|which (?:words|things?)|what exactly|what else)\s+(?:${AUX})\s+(.+?)\s+(?:${TELL})\s+${NOT_PREP}(.+?)(?:\s+(?:${TOPIC})\s+.+)?`),
    make: (m) => said('said-to', m[1]!, m[2]!),
  },
  // what did X say to Y (about Z)? / what did X write to Y?
  {
    re: r(String.raw`(?:what|which (?:words|things?)|what exactly|what else)\s+(?:${AUX})\s+(.+?)\s+(?:${SAY})\s+to\s+${NOT_PREP}(.+?)(?:\s+(?:${TOPIC})\s+.+)?`),
    make: (m) => said('said-to', m[1]!, m[2]!),
  },
  // what did X (have to) say about Z? / what does X think of Z? / how did X describe Z?
  {
    re: r(String.raw`(?:what|which (?:words|things?)|what exactly|what else)\s+(?:${AUX})\s+(.+?)\s+(?:have to say|(?:${SAY}))\s+(?:${ABOUT})\s+(.+)`),
    make: (m) => said('said-about', m[1]!, m[2]!),
  },
  {
    re: r(String.raw`how\s+(?:${AUX})\s+(.+?)\s+(?:describe|described|characteri[sz]e|characteri[sz]ed|see|saw|view|viewed|put|explain|explained)\s+(.+)`),
    make: (m) => said('said-about', m[1]!, m[2]!),
  },
  // what was X's message to Y? / what were X's words to Y?
  {
    re: r(String.raw`what\s+(?:was|were|is|are)\s+(.+?)[’']s?\s+(?:message|words|remarks|point|argument|advice|warning|appeal|call)\s+to\s+(.+?)(?:\s+(?:${TOPIC})\s+.+)?`),
    make: (m) => said('said-to', m[1]!, m[2]!),
  },
  // what was X's message/view on Z?
  {
    re: r(String.raw`what\s+(?:was|were|is|are)\s+(.+?)[’']s?\s+(?:message|words|remarks|point|argument|view|views|position|opinion|take)\s+(?:${ABOUT})\s+(.+)`),
    make: (m) => said('said-about', m[1]!, m[2]!),
  },
  // what did X say / stress / call for / warn / urge?
  {
    re: r(String.raw`(?:what|which (?:words|things?)|what exactly|what else)\s+(?:${AUX})\s+(.+?)\s+(?:${SAY}|${TELL}|call for|urge|warn|stress|emphasi[sz]e|recommend|propose|ask for|quote|quoted as saying|have to say)`),
    make: (m) => said('said', m[1]!),
  },
  // what is X quoted as saying (about Z)?
  {
    re: r(String.raw`what\s+(?:is|was|are|were)\s+(.+?)\s+quoted\s+as\s+saying(?:\s+(?:${ABOUT})\s+(.+))?`),
    make: (m) => (m[2] ? said('said-about', m[1]!, m[2]) : said('said', m[1]!)),
  },
  // quote X (on Z) / quotes from X (about Z) / what quotes are there from X?
  {
    re: r(String.raw`(?:give me |show me |list |find )?(?:the |all |any )?(?:quotes?|quotations?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:${ABOUT})\s+(.+))?`),
    make: (m) => (m[2] ? said('said-about', m[1]!, m[2]) : said('said', m[1]!)),
  },
  {
    re: r(String.raw`quote\s+(.+?)(?:\s+(?:${ABOUT})\s+(.+))?`),
    make: (m) => (m[2] ? said('said-about', m[1]!, m[2]) : said('said', m[1]!)),
  },
  // did X say anything about Z? / did X mention Z?
  {
    re: r(String.raw`(?:${AUX})\s+(.+?)\s+(?:say|said|mention|mentioned|talk|talked|speak|spoke)\s+(?:anything\s+|something\s+)?(?:${ABOUT})\s+(.+)`),
    make: (m) => said('said-about', m[1]!, m[2]!),
  },
  // Embedded ("tell me what Annan told the Council"): no auxiliary, past tense.
  {
    re: r(String.raw`what\s+(.+?)\s+(?:told|informed|reminded|warned|urged|assured)\s+${NOT_PREP}(.+?)(?:\s+(?:${TOPIC})\s+.+)?`),
    make: (m) => said('said-to', m[1]!, m[2]!),
  },
  {
    re: r(String.raw`what\s+(.+?)\s+(?:said|wrote|stressed|declared)\s+to\s+${NOT_PREP}(.+?)(?:\s+(?:${TOPIC})\s+.+)?`),
    make: (m) => said('said-to', m[1]!, m[2]!),
  },
  {
    re: r(String.raw`what\s+(.+?)\s+(?:said|wrote|stressed|thinks|thought)\s+(?:${ABOUT})\s+(.+)`),
    make: (m) => said('said-about', m[1]!, m[2]!),
  },
  {
    re: r(String.raw`what\s+(.+?)\s+(?:said|wrote|stressed|called for|warned|urged|declared)`),
    make: (m) => (/^(?:is|was|are|were|has|had|did|does|do)\b/i.test(m[1]!) ? null : said('said', m[1]!)),
  },
  // did X say (that) Y? / did X tell Z that Y? — whoever said Y answers it (X, if it was X).
  {
    re: r(String.raw`(?:did|does|has|had)\s+(.+?)\s+(?:really\s+|actually\s+|ever\s+)?(?:say|said|claim|claimed|state|stated|tweet|tweeted|write|wrote|suggest|suggested|insist|insisted|argue|argued|tell\s+.+?|told\s+.+?)\s+(?:that\s+|the\s+words\s+)(.+)`),
    make: (m) => claimedBy(m[1]!, m[2]!),
  },
  {
    re: r(String.raw`(?:did|does|has|had)\s+(.+?)\s+(?:really\s+|actually\s+|ever\s+)?(?:say|said|claim|claimed|state|stated|tweet|tweeted|insist|insisted|argue|argued)\s+(?!(?:anything|something|nothing|about|on|regarding|concerning|of|to)\b)(.+)`),
    make: (m) => claimedBy(m[1]!, m[2]!),
  },
  // was it X who said Y? / is it true that X said Y? — asked about X, as "did X say Y?".
  {
    re: r(String.raw`(?:was|is)\s+it\s+(.+?)\s+(?:who|that)\s+(?:said|says|claimed|claims|stated|tweeted|insisted|argued|told\s+.+?)\s+(?:that\s+)?(.+)`),
    make: (m) => claimedBy(m[1]!, m[2]!),
  },
  {
    re: r(String.raw`(?:is\s+it\s+)?(?:true|right|correct)\s+that\s+(.+?)\s+(?:said|says|claimed|claims|stated|tweeted|insisted|argued|told\s+.+?)\s+(?:that\s+)?(.+)`),
    make: (m) => claimedBy(m[1]!, m[2]!),
  },
  // who told Z (that) Y? — the claim is Y ("who told the Council that more must be done").
  {
    re: r(String.raw`(?:who(?:m)?|${WHICH_SUBJECT})\s+(?:(?:${AUX})\s+)?(?:told|tells|tell|informed|reminded|warned|assured|promised)\s+(.+?)\s+that\s+(.+)`),
    make: (m) => who(m[2]!),
  },
  // … and without "that", when a clause with its own subject follows the addressee ("who told larry king he'd played madison first").
  {
    re: r(String.raw`(?:who(?:m)?|${WHICH_SUBJECT})\s+(?:(?:${AUX})\s+)?(?:told|tells|tell|informed|reminded|assured|promised)\s+(?!(?:he|she|they|we|i|you)\b)(\S+(?:\s+\S+){0,3}?)\s+((?:he|she|they|we|i|you)(?:['’](?:d|s|ll|re|ve|m))?\s+.+)`),
    make: (m) => who(m[2]!),
  },
  // … and "who told CNN/reporters (after the hearing) X": an addressee of the news, then the claim.
  {
    re: r(String.raw`(?:who(?:m)?|${WHICH_SUBJECT})\s+(?:(?:${AUX})\s+)?(?:told|tells|tell)\s+(?:cnn|reporters|journalists|the press|the media|fox|abc|nbc|cbs|mtv(?:\s+news)?|the bbc|bbc|a news conference|police|the court|the jury)(?:\s+(?:after|before|during|at|on|in)\s+(?:the|a|an)\s+\w+)?\s*,?\s+(?!that\b)(.+)`),
    make: (m) => who(m[1]!),
  },
  // which official / what agency said … ? / according to whom … ? / who made the claim that … ?
  {
    re: r(String.raw`${WHICH_SUBJECT}\s+(?:(?:${AUX})\s+)?(?:${WHO})\s+(?:${AGAIN})?(?:that\s+)?(.+)`),
    make: (m) => who(m[1]!),
  },
  // which country / city said … ? — only with a verb of saying ("which countries declared days of mourning" is about an act).
  {
    re: r(String.raw`(?:which|what)\s+(?:[\w'’.-]+\s+)?(?:country|countries|nation|nations|state|states|city|cities|university|school|station|channel|magazine|broadcaster)\s+(?:(?:${AUX})\s+)?(?:said|says|say|claimed|claims|insisted|insists|argued|argues|stated|states|told\s+\S+(?:\s+\S+)?\s+that)\s+(?:that\s+)?(.+)`),
    make: (m) => who(m[1]!),
  },
  // which source wouldn't confirm … / which official refused to say …: the verb is part of what was said (as "who wouldn't confirm").
  {
    re: r(String.raw`${WHICH_SUBJECT}\s+(${DECLINE}\s+.+)`),
    make: (m) => who(m[1]!),
  },
  {
    re: r(String.raw`according to (?:whom?|what|which\s+[\w'’.-]+(?:\s+[\w'’.-]+)?)\s*,?\s+(.+)|(.+?),?\s+according to (?:whom?|what)`),
    make: (m) => who((m[1] ?? m[2])!),
  },
  {
    re: r(String.raw`who\s+(?:made|makes|is making|was making)\s+(?:the|that|this)\s+(?:claim|point|argument|statement|remark|comment)\s+(?:that\s+)?(.+)`),
    make: (m) => who(m[1]!),
  },
  // who wouldn't confirm … / who refused to comment on … / who denied … / who offered to help …: the verb is part of what
  // was said (agreeing, offering and refusing to do something are said: "Sicard agreed to teach Gallaudet his method").
  {
    re: r(String.raw`who\s+(${DECLINE}\s+.+|(?:denied|confirmed|admitted|predicted|promised|revealed|accused|blamed|criticized|criticised)\s+.+|refused\s+to\s+.+)`),
    make: (m) => who(m[1]!),
  },
  // who offered / agreed / volunteered to help …: what they undertook to do is what they said ("Jerry said he would help
  // them move it"); the verb is the asker's word for saying it.
  {
    re: r(String.raw`who\s+(?:${UNDERTAKING})\s+to\s+(.+)`),
    make: (m) => who(m[1]!),
  },
  // who said / called for / warned … ?
  {
    re: r(String.raw`who(?:m)?\s+(?:(?:${AUX})\s+)?(?:${WHO})\s*,?\s+(?:${AGAIN})?(?:that\s+|the words\s+|the phrase\s+)?(.+)`),
    make: (m) => who(m[1]!),
  },
  {
    re: r(String.raw`who\s+(?:is|was)\s+(?:it\s+)?(?:that\s+)?(?:quoted\s+as\s+saying|the\s+(?:source|author|speaker)\s+of)\s+(.+)`),
    make: (m) => who(m[1]!),
  },
  {
    re: r(String.raw`whose\s+(?:words|quote|remark|phrase|statement)\s+(?:is|was|are|were)\s+(.+)`),
    make: (m) => who(m[1]!),
  },
  {
    re: r(String.raw`whose\s+(?:claim|idea|view|argument|statement|point)\s+(?:is|was)\s+(?:it\s+)?(?:that\s+)?(.+)`),
    make: (m) => who(m[1]!),
  },
  // "the gun wasn't his — who said that?": the claim comes first.
  {
    re: r(String.raw`(.+?)\s*[-–—,.;:!?]+\s*(?:so\s+)?who\s+(?:said|says|claimed|claims|wrote|tweeted|told us)\s+(?:that|this|it)`),
    make: (m) => who(m[1]!),
  },
];

function said(kind: 'said-to' | 'said-about' | 'said', speakerRaw: string, other?: string): QuoteIntent {
  const speaker = speakerOf(speakerRaw);
  if (!speaker) return null;
  // "what did the report say" is fine; "what did it say" is not (pronoun, handled above).
  if (kind === 'said') return { kind, speaker };
  const o = clean(other ?? '');
  if (!o) return { kind: 'said', speaker };
  if (kind === 'said-to') {
    if (PRONOUN.test(o)) return { kind: 'said', speaker };
    return { kind, speaker, to: o };
  }
  return { kind, speaker, about: o };
}

/** "Did Annan say that NATO should be disbanded?": the claim, and whom the asker named. */
function claimedBy(speakerRaw: string, about: string): QuoteIntent {
  const intent = who(about);
  // "Did Piro or Pelley say …?" asks which of them: whoever said it answers.
  if (/\s(?:or|and\/or)\s/iu.test(speakerRaw)) return intent;
  const speaker = speakerOf(speakerRaw);
  return speaker && intent?.kind === 'who-said' ? { ...intent, speaker } : null;
}

function who(about: string): QuoteIntent {
  const a = clean(about);
  // "who said that?" is a follow-up, not a topic.
  if (!a || PRONOUN.test(a) || /^(?:so|this|that|it|those words|these words)$/i.test(a)) return null;
  return { kind: 'who-said', about: a };
}

/** Greetings and fillers before a question, and laughter, politeness and emoji after it. */
const CHAT_BEFORE = /^(?:(?:(?:hey|hi|hello|yo)(?:\s+(?:bot|verbatim))?|@?verbatim|pls|plz|please|um+|uh+|hmm+|ok|okay|so|quick q)[,:!\s]+)+/iu;
const CHAT_AFTER = /(?:[\s,.!?]+(?:lol|lmao|rofl|haha+|pls|plz|please|thx|thanks|ty)|\s*(?:\p{Extended_Pictographic}|\u200d|\ufe0f|[:;]-?[()DPp])+)+[\s?!.]*$/iu;

/**
 * Parse a question about quotations; `null` when it is not one.
 *
 * @example
 * parseQuoteIntent('What did Annan tell the Council?');          // { kind: 'said-to', speaker: 'Annan', to: 'the Council' }
 * parseQuoteIntent('What did Mr. Annan say about prevention?');  // { kind: 'said-about', speaker: 'Mr. Annan', about: 'prevention' }
 * parseQuoteIntent('Who called for a new level of seriousness?'); // { kind: 'who-said', about: 'a new level of seriousness' }
 * parseQuoteIntent('When did the meetings begin?');              // null
 */
export function parseQuoteIntent(question: string): QuoteIntent {
  const q = question
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    // Chat around the question ("yo who said … lol 😢", "hey … pls") is not part of what was said.
    .replace(CHAT_AFTER, '')
    .replace(/[?!.\s]+$/u, '')
    .replace(CHAT_BEFORE, '')
    .replace(/^(?:and|so|ok|okay|also|then|now|but)[,\s]+/i, '')
    .replace(/^(?:(?:can|could|would) you (?:tell me|say|show me|remind me)|tell me|do you know|i(?:'d| would) like to know|please(?: tell me)?)[,\s]+/i, '')
    .replace(/^(?:what|who)\s+exactly\b/i, (w) => w.split(/\s+/)[0]!)
    // "who's the one who said …", "who was it that claimed …", "who is the person that said …": "who said …".
    .replace(/^who(?:['’]s|\s+is|\s+was)\s+(?:it|the\s+(?:one|person|guy|man|woman|source))\s+(?:who|that)\s+/iu, 'who ')
    // "who's claiming …", "whos saying …", "who's been saying …": "who is claiming …"; "who's said …": "who has said …".
    .replace(/^who(?:['’]s|s|\s+has|\s+have)\s+been\s+(?=\p{L}+ing\b)/iu, 'who is ')
    .replace(/^who(?:['’]s|s)\s+(?=\p{L}+ing\b)/iu, 'who is ')
    .replace(/^who(?:['’]s|s)\s+(?=(?:said|claimed|stated|argued|insisted|suggested|written|told|denied|admitted|alleged)\b)/iu, 'who has ');
  if (!q) return null;
  for (const { re, make } of RULES) {
    const m = re.exec(q);
    if (m) {
      const intent = make(m);
      if (intent) return intent;
    }
  }
  return null;
}
