/**
 * The quotation index, built at ingest: who said what, to whom, where.
 *
 *   marks.ts           quote-mark pairing (character rules)
 *   cues.ts, grammar.ts, sentence-bounds.ts   the attribution grammar
 *   tokens.ts, names.ts, mentions.ts, speaker-nouns.ts, speakers.ts   speakers: names, aliases, genders
 *   build.ts           the index builder (pronouns, follow-on quotes)
 *   filter.ts          speaker / addressee / topic filters
 *
 * Nothing here depends on the answer layer; the index stores what
 * {@link QUOTER_VERSION} of these rules found, and a new version recomputes it.
 */
export { analyzeQuotations, findQuotations, speakerTable, type QuotationAnalysis } from './build.js';
export { filterQuotations, type QuotationFilterOptions } from './filter.js';
export { quotationJson } from './json.js';
export { canonicalSpeaker, type SpeakerTable } from './speakers.js';

/** Version of the rules: stored quotation indexes made by another version are recomputed. */
export const QUOTER_VERSION = 'quotes-v16';
