/**
 * Converters from public QA datasets to our JSONL format (see ./format.ts).
 *
 * - SQuAD v1.1: one document per article — its paragraphs joined by a blank
 *   line ("\n\n"), each answer offset shifted by where its paragraph starts —
 *   so retrieval must find the right paragraph among all of the article's.
 *   One single-turn conversation per question; its evidence is the gold
 *   answer spans. Questions are emitted round-robin across articles (1st
 *   question of every article, then the 2nd, …), so `--limit N` samples all
 *   articles instead of the first one or two.
 * - Abg-CoQA: one document per story; `history_turns` become earlier,
 *   unscored turns of the conversation, `target_turn` the scored turn (its
 *   rationale span is the evidence; "unknown" answers are unanswerable);
 *   `meta` carries `source` and `ambiguity` for the per-group breakdown.
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { EvalConversation, EvalDocumentLine, EvalLine, EvalTurn } from './format.js';

const squadSchema = z.object({
  version: z.string().optional(),
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.string(),
              question: z.string(),
              answers: z.array(z.object({ text: z.string(), answer_start: z.number().int() })),
              is_impossible: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** Paragraph separator inside a converted SQuAD article. */
export const SQUAD_PARAGRAPH_SEPARATOR = '\n\n';

function parseWith<S extends z.ZodTypeAny>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`Not a ${what} file: ${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

/**
 * SQuAD v1.1 JSON → JSONL lines (document lines first, then conversations).
 * Throws a UserError on a malformed file or an answer whose offset does not
 * match its text.
 *
 * @example
 * const lines = convertSquad(JSON.parse(await readFile('dev-v1.1.json', 'utf8')));
 */
export function convertSquad(raw: unknown): EvalLine[] {
  const squad = parseWith(squadSchema, raw, 'SQuAD v1.1');
  const documents: EvalDocumentLine[] = [];
  const perArticle: EvalConversation[][] = [];
  for (const article of squad.data) {
    const docId = `squad/${article.title}`;
    const parts: string[] = [];
    const convs: EvalConversation[] = [];
    let offset = 0;
    for (const p of article.paragraphs) {
      if (parts.length) offset += SQUAD_PARAGRAPH_SEPARATOR.length;
      for (const qa of p.qas) {
        const spans = new Map<string, { start: number; end: number }>();
        for (const a of qa.answers) {
          if (p.context.slice(a.answer_start, a.answer_start + a.text.length) !== a.text) {
            throw new UserError(`SQuAD question ${qa.id}: answer "${a.text}" is not at offset ${a.answer_start} of its paragraph`);
          }
          const start = offset + a.answer_start;
          spans.set(`${start}:${a.text.length}`, { start, end: start + a.text.length });
        }
        const unanswerable = qa.is_impossible === true || qa.answers.length === 0;
        const turn: EvalTurn = {
          question: qa.question,
          answers: [...new Set(qa.answers.map((a) => a.text))],
          evidence: [...spans.values()],
          ...(unanswerable ? { unanswerable: true } : {}),
        };
        convs.push({ id: qa.id, document: { id: docId }, turns: [turn] });
      }
      parts.push(p.context);
      offset += p.context.length;
    }
    const text = parts.join(SQUAD_PARAGRAPH_SEPARATOR);
    documents.push({ type: 'document', id: docId, title: article.title.replace(/_/g, ' '), text });
    perArticle.push(convs);
  }
  const conversations: EvalConversation[] = [];
  const longest = Math.max(0, ...perArticle.map((c) => c.length));
  for (let i = 0; i < longest; i++) for (const convs of perArticle) if (i < convs.length) conversations.push(convs[i]);
  return [...documents, ...conversations];
}

const coqaTurn = z.object({
  turn_id: z.number().int().optional(),
  question: z.string(),
  answer: z.string(),
  rationale: z.string().optional(),
  span_start: z.number().int().optional(),
  span_end: z.number().int().optional(),
});
const abgCoqaSchema = z.object({
  version: z.string().optional(),
  data: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      story: z.string(),
      target_turn: coqaTurn,
      history_turns: z.array(coqaTurn).default([]),
      ambiguity: z.string().optional(),
    }),
  ),
});

/** CoQA's convention for questions the story does not answer. */
export const isUnknownAnswer = (a: string) => /^\s*unknown\s*\.?\s*$/i.test(a);

/**
 * Abg-CoQA JSON → JSONL lines (one document line per story, then one
 * conversation per item: history turns unscored, the target turn scored).
 *
 * @example
 * const lines = convertAbgCoqa(JSON.parse(await readFile('coqa_abg_val.json', 'utf8')));
 */
export function convertAbgCoqa(raw: unknown): EvalLine[] {
  const abg = parseWith(abgCoqaSchema, raw, 'Abg-CoQA');
  const documents = new Map<string, EvalDocumentLine>();
  const conversations: EvalConversation[] = [];
  for (const item of abg.data) {
    const storyId = item.id.split('|')[0];
    const docId = `coqa/${storyId}`;
    const existing = documents.get(docId);
    if (existing && 'text' in existing && existing.text !== item.story) throw new UserError(`Abg-CoQA item ${item.id}: story ${storyId} differs from an earlier item's`);
    if (!existing) documents.set(docId, { type: 'document', id: docId, text: item.story });

    const history: EvalTurn[] = item.history_turns.map((h) => {
      const unknown = isUnknownAnswer(h.answer);
      return {
        question: h.question,
        answers: [h.answer],
        evidence: !unknown && h.rationale && h.rationale.trim() ? [h.rationale] : [],
        scored: false,
        ...(unknown ? { unanswerable: true } : {}),
      };
    });
    const t = item.target_turn;
    const unknown = isUnknownAnswer(t.answer);
    const evidence: EvalTurn['evidence'] = [];
    if (!unknown) {
      const s = t.span_start ?? -1;
      const e = t.span_end ?? -1;
      if (s >= 0 && e > s && e <= item.story.length) evidence.push({ start: s, end: e });
      else if (t.rationale && t.rationale.trim()) evidence.push(t.rationale);
    }
    const target: EvalTurn = { question: t.question, answers: [t.answer], evidence, ...(unknown ? { unanswerable: true } : {}) };
    conversations.push({
      id: item.id,
      document: { id: docId },
      turns: [...history, target],
      meta: { source: item.source, ambiguity: item.ambiguity ?? 'non_ambiguous' },
    });
  }
  return [...documents.values(), ...conversations];
}

export const CONVERTERS = { squad: convertSquad, 'abg-coqa': convertAbgCoqa } as const;
export type ConverterName = keyof typeof CONVERTERS;
