/**
 * Dialogue in fiction, stories for children and exam passages: who is spoken to by name inside a quotation (a
 * vocative: “Tom, we are in a fix.”, “I can't help that, Andy.”), and replies that name no speaker
 * (“…,” was Fred's reply; “…,” was the reply).
 *
 * Nobody addresses themselves: a quotation's vocative is not its speaker, and a bare reply to a quotation that
 * addressed someone by name is that person's.
 */

/** A name (with an optional honorific) of one or two capitalised words. */
const NAME = String.raw`((?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\.?\s+|(?:Miss|Master|Captain|Uncle|Aunt|Aunty|Sister|Brother|Father|Mother|Doctor|Professor|Sir|Lady|Lord)\s+)?\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}[\p{Ll}’'\-]+)?)`;
/** “Tom, we are …”, “Oh--er--Mr. Strong, is that you?”, “Well, Dick, …”: a name opening the words, before a comma. */
const OPENING = new RegExp(String.raw`(?:^|--|—|–|[,!]\s+|^(?:Oh|O|Well|Why|Say|Now|Come|Hey|Hello|Hi|Yes|No|Please|Dear|Good\s+\p{Ll}+)[,!]?\s+)${NAME}\s*,`, 'gu');
/** “… if we have, Sam”, “I can't help that, Andy.”, “You're fine, Dick, but …”: a name after a comma, closing a clause. */
const CLOSING = new RegExp(String.raw`[,;]\s+${NAME}\s*(?=[,.!?;—–]|--|$)`, 'gu');
/** “Oh, are you Dick Rover?”: the one asked about their name is spoken to. */
const ARE_YOU = new RegExp(String.raw`\b(?:[Aa]re|[Aa]ren't|[Aa]ren’t)\s+you\s+${NAME}\s*\?`, 'gu');
/** “So am I. My name is Stanley Browne.”, “I am Jack Ness, the man who …”, “Hi, I'm Tim!”: the speaker's own name. */
const SELF = new RegExp(String.raw`(?:^|[\s,.!?—–-])(?:[Mm]y\s+name\s+is|[Mm]y\s+name['’]s|I\s+am|I['’]m|[Tt]hey\s+call\s+me)\s+${NAME}(?=\s*(?:[,.!?;—–]|--|$|\s+and\b))`, 'u');
/** Words that look like a name after a comma but are not someone spoken to. */
const NOT_A_NAME = /^(?:I|I'm|I’m|I'll|I’ll|I've|I’ve|I'd|I’d|Oh|O|Well|Why|Yes|No|Now|Then|Sir|Madam|Ma'am|Mister|Miss|God|Heaven|Heavens|Lord|Mother|Father|Mama|Papa|Mum|Dad|Mom|Boys|Girls|Gentlemen|Ladies|Friends|Sirs|Children|Everybody|Everyone|Please|Thanks|Thank|Indeed|Too|Though|However|Perhaps|Maybe|Still|Yet|Sure|Certainly|Of|And|But|Or|So|Gee|Say|Hello|Hi|Hey|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Tonight)$/u;

/**
 * The names a quotation's words address (vocatives), as written. A name that the words only mention ("Why, it's Nora
 * Sharey!") is not one: a vocative stands at the words' edge or between commas.
 *
 * @example
 * vocatives("It couldn't be helped if we have, Sam"); // ['Sam']
 * vocatives('Oh--er--Mr. Strong, is that you?'); // ['Mr. Strong']
 * vocatives("Why, it's Nora Sharey!"); // []
 */
export function vocatives(words: string): string[] {
  const out: string[] = [];
  for (const re of [OPENING, CLOSING, ARE_YOU]) {
    re.lastIndex = 0;
    for (let m = re.exec(words); m; m = re.exec(words)) {
      const name = m[1]!;
      if (!NOT_A_NAME.test(name.split(/\s+/)[0]!) && !out.includes(name)) out.push(name);
      re.lastIndex = m.index + Math.max(1, m[0].length - 1);
    }
  }
  return out;
}

/** Nouns that name a reply: “…,” was Fred's reply / was the answer / came the response. */
const REPLY = String.raw`(?:reply|answer|response|retort|rejoinder|comment|opinion|remark|verdict|suggestion|question|command|order|cry|greeting|advice|explanation)`;
const NAMED_REPLY = new RegExp(String.raw`^\s*,?\s*(?:was|came)\s+(?:the\s+)?(\p{Lu}[\p{L}’'\-.]*(?:\s+\p{Lu}[\p{L}’'\-.]*){0,2})[’']s\s+(?:\p{Ll}+\s+)?${REPLY}\b`, 'u');
/** “Well, this looks like a wild goose chase.” ¶ It was Sam who spoke: a cleft sentence right after the words names their speaker. */
const CLEFT = new RegExp(String.raw`^\s*It\s+was\s+(\p{Lu}[\p{L}’'\-.]*(?:\s+\p{Lu}[\p{L}’'\-.]*){0,2})\s+who\s+(?:had\s+)?(?:spoke|spoken|said|asked|answered|replied|called|cried|shouted|whispered)\b`, 'u');
const BARE_REPLY = new RegExp(String.raw`^\s*,?\s*(?:was|came)\s+(?:the|a|an|his|her|their)\s+(?:[\p{Ll}-]+\s+)?${REPLY}\b`, 'u');

/**
 * A reply noun right after the quotation: the name when the text gives one (“I will,” was Wilbur Poole's answer),
 * '' for a reply by someone unnamed (“…,” was the reply), null when there is none.
 *
 * @example
 * replyAfter(" was Fred's reply, and then he rushed"); // 'Fred'
 * replyAfter(' was the reply. "You are not …'); // ''
 * replyAfter(' \n\nIt was Sam who spoke, from the bow.'); // 'Sam'
 */
export function replyAfter(after: string): string | null {
  const named = NAMED_REPLY.exec(after) ?? CLEFT.exec(after);
  if (named) return named[1]!;
  return BARE_REPLY.test(after) ? '' : null;
}

/**
 * The name a quotation's speaker gives as their own, as written; null when they give none.
 *
 * @example
 * selfNamed('So am I. My name is Stanley Browne. What\'s yours?'); // 'Stanley Browne'
 * selfNamed("I'm sure it was him."); // null
 */
export function selfNamed(words: string): string | null {
  const m = SELF.exec(words);
  return m && !NOT_A_NAME.test(m[1]!.split(/\s+/)[0]!) ? m[1]! : null;
}
