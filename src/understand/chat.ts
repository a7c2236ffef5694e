/**
 * Chit-chat and thanks: "thanks, that helps!", "ok", "lol", "hello". These
 * get a short friendly reply, never a re-quote of the last answer.
 */

export type ChatTone = 'thanks' | 'greeting' | 'bye' | 'ack';

/** Words a chat message is made of (any mix of them, nothing else). */
const CHAT_WORDS = new Set(
  (
    'thanks thank you so much very thx ty tysm cheers ta ok okay k kk okey lol lmao rofl haha hahaha hah heh hehe ha nice cool great awesome perfect good ' +
    'got it gotcha sure yes yeah yep yup no nope nah alright fine hi hello hey hiya morning evening afternoon night bye goodbye see ya later cya ' +
    'that this helps helped helpful makes sense wow interesting appreciate appreciated a lot lots all right i understood understand noted super ' +
    'excellent brilliant amazing fantastic neat sweet np thankyou thanx many oh ah hmm mhm indeed true fair enough well done job bot for the help ' +
    'was is useful clear makes sense me to know'
  ).split(' '),
);

/** At least one of these must be present (so "that is" alone is not chat). */
const ANCHOR = /\b(?:thanks?|thx|ty|tysm|thankyou|thanx|cheers|ta|ok|okay|okey|k|kk|lol|lmao|rofl|ha(?:ha)+|hah|he(?:he)+|heh|nice|cool|great|awesome|perfect|gotcha|got it|alright|hi|hello|hey|hiya|good (?:morning|evening|afternoon|night)|bye|goodbye|see ya|cya|wow|interesting|appreciated?|understood|noted|super|excellent|brilliant|amazing|fantastic|neat|sweet|np|yes|yeah|yep|yup|no|nope|nah|sure|makes sense|fair enough|well done|good job|mhm|hmm)\b/i;

const TONE: [ChatTone, RegExp][] = [
  ['thanks', /\b(?:thanks?|thx|ty|tysm|thankyou|thanx|cheers|appreciated?|ta)\b/i],
  ['bye', /\b(?:bye|goodbye|see ya|cya|later|good night)\b/i],
  ['greeting', /\b(?:hi|hello|hey|hiya|good (?:morning|evening|afternoon))\b/i],
];

/**
 * The tone of a chat message, or null when it is not chit-chat.
 *
 * @example
 * chatTone('thanks, that helps!'); // 'thanks'
 * chatTone('lol');                 // 'ack'
 * chatTone('What else did he say?'); // null
 */
export function chatTone(message: string): ChatTone | null {
  const text = message
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, ' ')
    .replace(/[’']/g, '')
    .trim();
  const words = text.split(/[^\p{L}]+/u).filter(Boolean);
  if (!words.length) return /\p{Extended_Pictographic}/u.test(message) ? 'ack' : null;
  if (words.length > 8 || !words.every((w) => CHAT_WORDS.has(w)) || !ANCHOR.test(text)) return null;
  return TONE.find(([, re]) => re.test(text))?.[0] ?? 'ack';
}

/** The reply to each tone (the bot's own words; nothing quoted). */
export const CHAT_REPLY: Record<ChatTone, string> = {
  thanks: "You're welcome! Ask me anything else about the document.",
  greeting: 'Hello! Ask me a question about the document, ask me to quote a passage or a paragraph, or ask for a summary.',
  bye: 'Goodbye!',
  ack: 'Ask me anything else about the document whenever you like.',
};

/** The tone of a message already known to be chit-chat (thanks, greeting, goodbye, else an acknowledgement). */
export function chatToneOf(message: string): ChatTone {
  const text = message.toLowerCase().replace(/[’']/g, '');
  if (/\b(?:thanks?|thx|ty|tysm|thankyou|thanx|cheers|appreciated?|thank u|merci|gracias|danke)\b/.test(text)) return 'thanks';
  if (/\b(?:bye|goodbye|see (?:ya|you)|cya|later|good ?night|night)\b/.test(text)) return 'bye';
  if (/\b(?:hi|hello|hey|hiya|yo|sup|gm|good (?:morning|evening|afternoon)|how are (?:you|u)|hows it going|whats up)\b/.test(text)) return 'greeting';
  return 'ack';
}
