/**
 * The sentences a summary may be cut from: whole sentences of body paragraphs
 * (never the title, a repeated title or a site tagline), exact repeats,
 * fragments under four words, photo captions (marked, or a verbless
 * one-sentence paragraph) and page furniture dropped.
 * Each carries what selection needs: its terms, its position in its
 * document, the attributed quotation it holds, and the name its "he"/"she"
 * needs (see {@link antecedentNeeded}).
 */
import { terms } from '../retrieve/terms.js';
import type { Quotation, StoredDocument } from '../types.js';
import { isCaptionOrFurniture, isVerblessCaption } from './captions.js';
import { antecedentNeeded, peopleOf } from './pronouns.js';

/** Sentences shorter than this many words are not summary material ("He agreed."). */
const MIN_WORDS = 4;
/** How far back (characters) to look for the name a pronoun refers to. */
const ANTECEDENT_WINDOW = 600;

export interface Candidate {
  doc: StoredDocument;
  docIndex: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  terms: string[];
  /** 0 for the document's first candidate, 1 for the next… */
  position: number;
  /**
   * How far into the document a reader reaches it by leads: the paragraphs (with candidates) before its own, plus the
   * candidates before it in its paragraph. A paragraph's first sentence opens what it says, so in a text of long
   * paragraphs (a story, an encyclopedia entry) ¶2's lead comes before ¶1's third sentence; for news, whose paragraphs
   * are one or two sentences, it is nearly `position`.
   */
  leadDistance: number;
  /** The quotation index's attributed quotation inside this sentence, the longest if several. */
  quotation: Quotation | null;
  /** null: readable on its own; else the name its he/she refers to ('' = unknown), which an earlier summary sentence must name. */
  needs: string | null;
}

/** Words with a letter or digit in them. */
export const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * @param opts.loose Keep short sentences, captions and furniture too: what is left of a text that is all
 * headline ("Analysis: Obama speech a do-over", "(CNN) -- Lying low.") when its summary is asked for.
 */
export function candidates(docs: StoredDocument[], quotations: readonly Quotation[] = [], opts: { loose?: boolean } = {}): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  docs.forEach((doc, docIndex) => {
    const body = new Set(doc.paragraphs.filter((p) => p.kind === 'body').map((p) => p.n));
    const quoted = quotations.filter((q) => q.doc === doc.id && q.speaker);
    const people = peopleOf(doc.text, quoted.map((q) => q.speaker));
    const sentencesIn = new Map<number, number>();
    for (const s of doc.sentences) sentencesIn.set(s.paragraph, (sentencesIn.get(s.paragraph) ?? 0) + 1);
    let position = 0;
    let paragraphsBefore = -1;
    let inParagraph = 0;
    let lastParagraph = -1;
    for (const s of doc.sentences) {
      if (s.paragraph <= 0 || !body.has(s.paragraph)) continue;
      const text = doc.text.slice(s.start, s.end);
      const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key) || !/[\p{L}\p{N}]/u.test(text)) continue;
      if (!opts.loose && (wordCount(text) < MIN_WORDS || isCaptionOrFurniture(text) || (sentencesIn.get(s.paragraph) === 1 && isVerblessCaption(text)))) continue;
      seen.add(key);
      const inside = quoted.filter((q) => q.start < s.end && q.end > s.start);
      const quotation = inside.sort((a, b) => b.end - b.start - (a.end - a.start))[0] ?? null;
      const needs = antecedentNeeded({
        text,
        attributedQuotes: inside.map((q) => ({ start: Math.max(0, q.start - s.start), end: Math.min(text.length, q.end - s.start) })),
        before: doc.text.slice(Math.max(0, s.start - ANTECEDENT_WINDOW), s.start),
        speaker: quotation?.speaker,
        people,
      });
      if (s.paragraph !== lastParagraph) [paragraphsBefore, inParagraph, lastParagraph] = [paragraphsBefore + 1, 0, s.paragraph];
      const leadDistance = paragraphsBefore + inParagraph++;
      out.push({ doc, docIndex, paragraph: s.paragraph, start: s.start, end: s.end, text, terms: terms(text), position: position++, leadDistance, quotation, needs });
    }
  });
  return out;
}
