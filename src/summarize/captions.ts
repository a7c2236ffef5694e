/**
 * Sentences a reader with scissors would not cut out: photo captions
 * ("Bishop John Folda (pictured) …", "Tributes: Actor Victor Spinetti,
 * pictured left in 2010, …"), photo credits, and page furniture that news
 * sites flatten into the text ("By . Daily Mail Reporter . PUBLISHED: …",
 * "Scroll down for video").
 */
import { nlp } from '../text/nlp.js';

/** A picture reference inside the sentence: "(pictured)", "(left)", ", pictured here in 1985,". */
const PICTURE = /\((?:pictured|photographed|left|right|centre|center|above|below|top|bottom|inset|far left|far right|second (?:left|right)|file)\b[^)]*\)|\bpictured\b|\bseen here\b|\bphotographed (?:here|left|right|above|below|with)\b/i;

/** Page furniture and credits. */
const FURNITURE = /\b(?:PUBLISHED|UPDATED)\s*:|\blast updated at\b|^\s*by\s*\.|\bDaily Mail Reporter\b|\bscroll down (?:for|to)\b|\bclick here\b|\bread more\s*:|\bwrite caption here\b|^\s*(?:photos?|pictures?|images?|video|credits?|source|file photo)\s*:|\b(?:Getty Images|AP Photo|AFP\/Getty|Reuters\/)\b|©/i;

/**
 * A caption label: one to three capitalised words and a colon opening the
 * sentence ("Legend: …", "Up for the battle: …"), not followed by a quotation
 * (that would be someone speaking: "Obama: 'We will …'").
 */
const LABEL = /^\s*[A-Z][\w'’-]*(?: [\w'’-]+){0,3}: (?!\s*["“‘'])/;

/**
 * @example
 * isCaptionOrFurniture('Bishop John Folda (pictured) of the Fargo Catholic Diocese has exposed …'); // true
 * isCaptionOrFurniture('By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 .');       // true
 * isCaptionOrFurniture('The diocese says he contracted the infection through contaminated food.');  // false
 */
export function isCaptionOrFurniture(sentence: string): boolean {
  return PICTURE.test(sentence) || FURNITURE.test(sentence) || LABEL.test(sentence);
}

/** Longest paragraph that may be a verbless caption. */
const CAPTION_MAX_WORDS = 25;

/**
 * A one-sentence paragraph with no verb is a caption that lost its picture
 * ("Iraqi leader Saddam Hussein in an unknown location in Iraq after his
 * capture in 2003."). compromise's tagger finds the verbs.
 *
 * @example
 * isVerblessCaption('Former President Bill Clinton at a rally in Ohio on Tuesday.'); // true
 * isVerblessCaption('The council met on Monday.');                                    // false
 */
export function isVerblessCaption(paragraph: string): boolean {
  if (paragraph.split(/\s+/).length > CAPTION_MAX_WORDS) return false;
  return nlp(paragraph).verbs().length === 0;
}
