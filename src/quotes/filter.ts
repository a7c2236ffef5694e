/**
 * Filtering the quotation index by speaker, addressee and topic (the
 * query-time side of the index).
 */
import { terms } from '../retrieve/terms.js';
import { memoPerText } from '../text/text-memo.js';
import type { Quotation, StoredDocument } from '../types.js';
import { canonicalSpeaker, lookupSpeaker, type SpeakerTable } from './speakers.js';


export interface QuotationFilterOptions {
  /** Alias tables of the quotations' documents: let "the Secretary-General" find Kofi Annan. */
  aliases?: SpeakerTable | SpeakerTable[];
  /** The documents, for "about": a quotation's paragraph counts as weaker evidence than its words. */
  docs?: StoredDocument[];
}

const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'dr', 'secretari', 'gener', 'secretary-gener', 'presid', 'minist', 'un', 'u.n']);
const nameTerms = (s: string) => terms(s.replace(/[’']s\b/gu, ''));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias as a whole word (not inside another word or a hyphenated one); compiled once per alias (bounded). */
const aliasPatterns = memoPerText((a: string, _: null) => new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(a)}(?![\\p{L}\\p{N}-])`, 'u'), 1_000);
const aliasPattern = (a: string): RegExp => aliasPatterns(a, null);

/** Loose name match: equal canonical forms, or one's terms contained in the other's. */
function namesMatch(query: string, value: string | null, table: SpeakerTable | undefined): boolean {
  if (!value) return false;
  const q = canonicalSpeaker(query, table).toLowerCase();
  const v = value.toLowerCase();
  if (q === v) return true;
  // Through the alias table: the value names the same entity by any of its aliases ("the Council’s discussions").
  const entry = table ? lookupSpeaker(table, query) : undefined;
  if (entry) {
    const lv = v.replace(/[’']s\b/gu, '');
    if (entry.aliases.some((a) => aliasPattern(a).test(lv))) return true;
  }
  const qt = nameTerms(query);
  const vt = nameTerms(value);
  const qCore = qt.filter((t) => !NAME_NOISE.has(t));
  const qUse = qCore.length ? qCore : qt;
  if (!qUse.length || !vt.length) return false;
  const vs = new Set(vt);
  const qs = new Set(qUse);
  return qUse.every((t) => vs.has(t)) || vt.every((t) => qs.has(t)) || nameTerms(canonicalSpeaker(query, table)).every((t) => vs.has(t));
}

/**
 * Quotations matching a speaker, an addressee and/or a topic.
 *
 * - `speaker`: through the document's aliases and loosely ("Annan", "Mr. Annan",
 *   "Secretary-General Kofi Annan" all find "Kofi Annan").
 * - `to`: the addressee, loosely ("the Council" ~ "Security Council",
 *   "regional organizations" ~ "the heads of more than 20 regional and other
 *   intergovernmental organizations"); a quotation whose setting names it
 *   (said *at* the Council's discussions) matches too.
 * - `about`: lexical relevance (stemmed terms) of the quoted words, then of
 *   their paragraph; results are ranked by it, best first. An `about` made
 *   only of stopwords matches nothing.
 *
 * Without `about`, results keep document order.
 *
 * @example
 * filterQuotations(findQuotations(doc), { speaker: 'Annan', to: 'the Council' }).map((q) => q.paragraph); // [5]
 */
export function filterQuotations(
  qs: Quotation[],
  f: { speaker?: string; to?: string; about?: string },
  opts: QuotationFilterOptions = {},
): Quotation[] {
  const tables = opts.aliases ? (Array.isArray(opts.aliases) ? opts.aliases : [opts.aliases]) : [];
  const tableFor = (doc: string) => tables.find((t) => t.doc === doc) ?? (tables.length === 1 ? tables[0] : undefined);
  const speaker = f.speaker?.trim();
  const to = f.to?.trim();
  let out = qs.filter((q) => {
    if (speaker && !namesMatch(speaker, q.speaker, tableFor(q.doc))) return false;
    if (to && !namesMatch(to, q.addressee, tableFor(q.doc)) && !namesMatch(to, q.setting, tableFor(q.doc))) return false;
    return true;
  });
  const about = f.about?.trim();
  if (about) {
    const want = [...new Set(terms(about))];
    if (!want.length) return []; // only stopwords: nothing is "about" that
    const paraText = (q: Quotation) => {
      const d = opts.docs?.find((x) => x.id === q.doc);
      const p = d?.paragraphs.find((x) => x.start <= q.start && q.start < x.end);
      return d && p ? d.text.slice(p.start, p.end) : '';
    };
    const scored = out.map((q, i) => {
      const inQuote = new Set(terms(q.quote));
      const inContext = new Set([...terms(paraText(q)), ...terms(q.addressee ?? ''), ...terms(q.setting ?? '')]);
      let score = 0;
      let quoted = 0;
      let context = 0;
      for (const t of want) {
        if (inQuote.has(t)) {
          score += 1;
          quoted++;
        } else if (inContext.has(t)) {
          score += 0.5;
          context++;
        }
      }
      const relevant = quoted > 0 || context >= Math.ceil(want.length / 2);
      return { q, i, score: score / want.length, relevant };
    });
    out = scored
      .filter((s) => s.relevant)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((s) => s.q);
  }
  return out;
}
