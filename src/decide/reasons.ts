/**
 * Why the bot declines to answer: one closed list of codes, and one table of
 * how each is worded to a reader. Front ends and the presentation layer may
 * import the wording; nothing else words a refusal.
 */

export const REFUSAL_REASONS = [
  /** Retrieval found no passage sharing a word with the question. */
  'nothing-retrieved',
  /** The best sentence does not answer closely enough (below the calibrated threshold). */
  'low-confidence',
  /** "who said X?": no quotation in the document says X. */
  'nobody-said',
  /** "who said X?": the only quotation holding X's words says it the other way round ("not", "never"). */
  'contradicted',
  /** "what else?": every relevant passage has already been quoted. */
  'exhausted',
  /** The request names a paragraph the document does not have. */
  'no-such-paragraph',
  /** The document has no body text to summarise. */
  'nothing-to-summarise',
  /** The LLM judged that the passages do not answer. */
  'llm-refused',
  /** Every quote failed verification (a bug: logged), so nothing can be shown. */
  'no-verified-quote',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const DOES_NOT_SAY = "The document doesn't say. Nothing in it answers that question closely enough to quote.";

/** The one table of refusal wordings. `{n}` and `{range}` are filled by `refusalWording`. */
export const REFUSAL_WORDING: Record<RefusalReason, string> = {
  'nothing-retrieved': DOES_NOT_SAY,
  'low-confidence': DOES_NOT_SAY,
  'nobody-said': "The document doesn't say. No quotation in it says that.",
  contradicted: "The document doesn't say that. The quotation closest to it says the opposite.",
  exhausted: 'That is all the document says on this — every relevant passage has been quoted above.',
  'no-such-paragraph': 'There is no ¶{n}; the document has paragraphs {range}.',
  'nothing-to-summarise': "The document doesn't have enough body text to summarise.",
  'llm-refused': DOES_NOT_SAY,
  'no-verified-quote': DOES_NOT_SAY,
};

/**
 * @example
 * refusalWording('no-such-paragraph', { n: 12, range: '¶1–¶8' }); // 'There is no ¶12; the document has paragraphs ¶1–¶8.'
 */
export function refusalWording(reason: RefusalReason, vars: { n?: number; range?: string } = {}): string {
  // A place counted from the end (−1 the last, −2 the one before) is named as such, never "¶-2".
  const n = vars.n !== undefined && vars.n < 0 ? (vars.n === -1 ? 'last paragraph' : `paragraph ${-vars.n} from the end`) : String(vars.n ?? '');
  const template = vars.n !== undefined && vars.n < 0 ? REFUSAL_WORDING[reason].replace('¶{n}', '{n}') : REFUSAL_WORDING[reason];
  return template.replace('{n}', n).replace('{range}', vars.range ?? '');
}
