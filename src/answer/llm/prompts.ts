/**
 * Prompt templates: plain Markdown files in `PROMPTS_DIR` (default
 * `prompts/`) with `{{placeholder}}` slots. Loaded and validated once at
 * start-up; rendered in one pass, so a value that itself contains
 * `{{something}}` (a document, a question) is never expanded again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';

export type PromptName = 'system' | 'answer' | 'condense' | 'summary';

/** Every template, its required placeholders, and those it may use. */
export const PROMPT_SPECS: Record<PromptName, { file: string; required: string[]; optional: string[] }> = {
  system: { file: 'system.md', required: ['refusal_phrase'], optional: [] },
  answer: { file: 'answer.md', required: ['question', 'passages', 'history'], optional: ['refusal_phrase'] },
  condense: { file: 'condense.md', required: ['question', 'history'], optional: [] },
  summary: { file: 'summary.md', required: ['quotes', 'length', 'focus'], optional: ['refusal_phrase'] },
};

/** The loaded templates (HTML comments already stripped). */
export interface Prompts {
  dir: string;
  system: string;
  answer: string;
  condense: string;
  summary: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) seen.add(m[1]);
  return [...seen];
}

/** Remove `<!-- … -->` notes a user may leave in a template. */
function stripComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->\n?/g, '').trim() + '\n';
}

/**
 * Read and validate the four templates from `dir`. A missing file, a missing
 * required placeholder or an unknown placeholder is a {@link UserError}
 * naming the file and the placeholder.
 *
 * @example
 * const prompts = await loadPrompts(config.PROMPTS_DIR);
 * const llm = createLlmAnswerer({ config, logger, prompts });
 */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const out: Partial<Prompts> = { dir };
  for (const [name, spec] of Object.entries(PROMPT_SPECS) as [PromptName, (typeof PROMPT_SPECS)[PromptName]][]) {
    const file = path.join(dir, spec.file);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (e) {
      throw new UserError(`Prompt template ${file} could not be read (PROMPTS_DIR=${dir}).`, { cause: e, code: 'prompt_missing' });
    }
    const template = stripComments(raw);
    const used = placeholdersOf(template);
    const missing = spec.required.filter((p) => !used.includes(p));
    if (missing.length)
      throw new UserError(
        `Prompt template ${file} is missing the placeholder ${missing.map((p) => `{{${p}}}`).join(', ')}.`,
        { code: 'prompt_placeholder' },
      );
    const allowed = new Set([...spec.required, ...spec.optional]);
    const unknown = used.filter((p) => !allowed.has(p));
    if (unknown.length)
      throw new UserError(
        `Prompt template ${file} uses unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')} (allowed: ${[...allowed].map((p) => `{{${p}}}`).join(', ')}).`,
        { code: 'prompt_placeholder' },
      );
    out[name] = template;
  }
  return out as Prompts;
}

/**
 * Fill every `{{name}}` in `template` from `values`, in one pass. A
 * placeholder without a value is an error (never rendered as empty).
 *
 * @example
 * renderPrompt('Q: {{question}}', { question: 'Who spoke?' }); // "Q: Who spoke?"
 */
export function renderPrompt(template: string, values: Record<string, string>): string {
  const missing = placeholdersOf(template).filter((p) => typeof values[p] !== 'string');
  if (missing.length) throw new Error(`Prompt placeholder ${missing.map((p) => `{{${p}}}`).join(', ')} has no value.`);
  return template.replace(PLACEHOLDER, (_m, name: string) => values[name]);
}

// ---------------------------------------------------------------------------
// Formatting the data that goes into the slots. Everything the user or the
// document supplies is wrapped in labelled tags and may not close them.

const TAGS = ['passage', 'passages', 'question', 'history', 'turn', 'quote', 'quotes', 'focus', 'answer'];
const TAG_RE = new RegExp(`<(/?\\s*(?:${TAGS.join('|')})\\b)`, 'gi');

/** Neutralise anything in data that looks like one of our delimiters, so it cannot close the data block. */
export function neutralise(data: string): string {
  return data.replace(TAG_RE, '‹$1');
}

export interface PromptPassage {
  doc: string;
  paragraph: number;
  text: string;
}

/** Passages as labelled, delimited blocks: `<passage cite="¶4">…</passage>`. */
export function formatPassages(passages: PromptPassage[]): string {
  const docs = new Set(passages.map((p) => p.doc));
  return passages
    .map((p) => {
      const from = docs.size > 1 ? ` doc="${neutralise(path.basename(p.doc)).replace(/"/g, "'")}"` : '';
      return `<passage cite="¶${p.paragraph}"${from}>\n${neutralise(p.text.trim())}\n</passage>`;
    })
    .join('\n');
}

export interface HistoryTurn {
  question: string;
  answerText: string;
}

/** At most this many earlier turns, each answer cut to this many characters. */
export const HISTORY_TURNS = 4;
export const HISTORY_ANSWER_CHARS = 600;

/** The conversation so far, oldest first, as delimited turns; "(none)" when empty. */
export function formatHistory(history: HistoryTurn[]): string {
  const turns = history.slice(-HISTORY_TURNS);
  if (!turns.length) return '(none)';
  return turns
    .map((t, i) => {
      const a = t.answerText.trim();
      const answer = a.length > HISTORY_ANSWER_CHARS ? `${a.slice(0, HISTORY_ANSWER_CHARS).trimEnd()} […]` : a;
      return `<turn n="${i + 1}">\nUser: ${neutralise(t.question.trim())}\nBot: ${neutralise(answer)}\n</turn>`;
    })
    .join('\n');
}

/** The user's question, delimited. */
export function formatQuestion(question: string): string {
  return `<question>\n${neutralise(question.trim())}\n</question>`;
}

/** How long a summary should be, in words a model follows. */
export function describeLength(length: string): string {
  switch (length) {
    case 'short':
      return 'short: two or three sentences';
    case 'long':
      return 'long: two or three paragraphs';
    case 'medium':
      return 'medium: one paragraph of four to six sentences';
    default:
      return neutralise(length);
  }
}

/** The summary focus, delimited, or "none". */
export function formatFocus(focus: string | null): string {
  return focus && focus.trim() ? `<focus>\n${neutralise(focus.trim())}\n</focus>` : 'none (summarise the whole document)';
}
