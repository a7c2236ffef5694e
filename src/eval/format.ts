/**
 * The evaluation file format (JSONL, one JSON object per line). Two kinds of line:
 *
 * - a shared document (optional): `{ "type": "document", "id", "text" | "path", "title"? }`
 *   — lets many conversations point at one long document (e.g. a whole SQuAD
 *   article) without repeating its text;
 * - a conversation: `{ "id", "document": {"path"} | {"text"} | {"id"}, "turns": [...], "meta"? }`
 *   where each turn is `{ "question", "answers": [..], "evidence": [{"start","end"} | "text"],
 *   "unanswerable"?: true, "scored"?: false }`.
 *
 * Turns run in order as one conversation; `scored: false` turns (e.g. Abg-CoQA's
 * history) are asked but not scored. Evidence offsets are JS string indices
 * into the document text; a string is located in the text (every occurrence
 * counts). `meta` values (e.g. `{ "source": "cnn", "ambiguity": "ambiguous" }`)
 * become per-group breakdowns in the report. `{"path"}` is resolved against
 * the JSONL file's folder.
 *
 * @example
 * {"type":"document","id":"squad/Normans","title":"Normans","text":"The Normans …\n\nThe Norman dynasty …"}
 * {"id":"56ddde6b9a695914005b9628","document":{"id":"squad/Normans"},"turns":[{"question":"In what country is Normandy located?","answers":["France"],"evidence":[{"start":159,"end":165}]}]}
 */
import { z } from 'zod';
import { UserError } from '../errors.js';

const spanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((s) => s.end > s.start, { message: 'evidence span end must be > start' });

export const turnSchema = z
  .object({
    question: z.string().min(1, 'question is empty'),
    answers: z.array(z.string()).default([]),
    evidence: z.array(z.union([spanSchema, z.string().min(1)])).default([]),
    unanswerable: z.boolean().optional(),
    scored: z.boolean().optional(),
  })
  .strict();

const documentRefSchema = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z.object({ text: z.string().min(1), title: z.string().optional() }).strict(),
  z.object({ id: z.string().min(1) }).strict(),
]);

export const conversationSchema = z
  .object({
    type: z.literal('conversation').optional(),
    id: z.string().min(1),
    document: documentRefSchema,
    turns: z.array(turnSchema).min(1, 'a conversation needs at least one turn'),
    meta: z.record(z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();

export const documentLineSchema = z.union([
  z.object({ type: z.literal('document'), id: z.string().min(1), text: z.string().min(1), title: z.string().optional() }).strict(),
  z.object({ type: z.literal('document'), id: z.string().min(1), path: z.string().min(1), title: z.string().optional() }).strict(),
]);

export type EvalSpan = { start: number; end: number };
export type EvalTurn = z.output<typeof turnSchema>;
export type EvalConversation = z.output<typeof conversationSchema>;
export type EvalDocumentLine = z.output<typeof documentLineSchema>;
export type EvalLine = EvalConversation | EvalDocumentLine;

export interface EvalFile {
  /** Shared documents by id, in file order. */
  documents: Map<string, EvalDocumentLine>;
  conversations: EvalConversation[];
}

/**
 * Parse a JSONL evaluation file. Blank lines are skipped. Throws a
 * {@link UserError} naming the line on the first bad line or on a reference
 * to a document id that no `type: "document"` line declares.
 *
 * @example
 * const { documents, conversations } = parseEvalJsonl(await readFile('squad.jsonl', 'utf8'), 'squad.jsonl');
 */
export function parseEvalJsonl(text: string, name = 'input'): EvalFile {
  const documents = new Map<string, EvalDocumentLine>();
  const conversations: EvalConversation[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${name}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (cause) {
      throw new UserError(`${where}: not valid JSON (${(cause as Error).message})`, { cause });
    }
    const isDoc = !!raw && typeof raw === 'object' && (raw as { type?: unknown }).type === 'document';
    const parsed = isDoc ? documentLineSchema.safeParse(raw) : conversationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`${where}: ${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`);
    }
    if (isDoc) {
      const d = parsed.data as EvalDocumentLine;
      if (documents.has(d.id)) throw new UserError(`${where}: document id "${d.id}" is declared twice`);
      documents.set(d.id, d);
    } else {
      const c = parsed.data as EvalConversation;
      if (seen.has(c.id)) throw new UserError(`${where}: conversation id "${c.id}" is used twice`);
      seen.add(c.id);
      if ('id' in c.document && !documents.has(c.document.id)) {
        throw new UserError(`${where}: document "${c.document.id}" is not declared by an earlier {"type":"document"} line`);
      }
      conversations.push(c);
    }
  }
  if (!conversations.length) throw new UserError(`${name}: no conversations found`);
  return { documents, conversations };
}

/** One line of JSONL (no trailing newline). */
export const toJsonl = (line: EvalLine): string => JSON.stringify(line);

/**
 * The first `limit` scored turns, deterministically: conversations in file
 * order, the last one cut after its last counted scored turn.
 *
 * @example
 * limitScoredTurns(conversations, 1000);
 */
export function limitScoredTurns(conversations: EvalConversation[], limit?: number): EvalConversation[] {
  if (limit === undefined) return conversations;
  const out: EvalConversation[] = [];
  let left = limit;
  for (const c of conversations) {
    if (left <= 0) break;
    const turns: EvalTurn[] = [];
    for (const t of c.turns) {
      if (left <= 0) break;
      turns.push(t);
      if (t.scored !== false) left--;
    }
    if (turns.some((t) => t.scored !== false)) out.push({ ...c, turns });
  }
  return out;
}
