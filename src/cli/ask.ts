/**
 * `npm run ask -- "question"` prints the answer; `--json` prints one JSON
 * object; `--json --conversation file.jsonl` answers each line's {"q": …}
 * in order as one conversation, one JSON line per turn.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { describeError, UserError } from '../errors.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine-api.js';
import { catalog, type Catalog } from '../present/documents.js';
import { citationJson } from '../present/json.js';
import { renderAnswerText } from '../present/terminal.js';
import type { ConversationStore } from '../state/conversations.js';
import type { Answer, Conversation } from '../types.js';
import { parseArgs, run, withEngine, type Cli } from './common.js';

/** The stable JSON shape other tools read (citations gained `title`, and `page` / `url` when known). */
export function answerJson(question: string, a: Answer, cat: Catalog) {
  return {
    question,
    answer: renderAnswerText(a, cat),
    refused: a.refused,
    citations: a.quotes.map((q) => citationJson(q, cat)),
    latencyMs: a.latencyMs ?? null,
  };
}

async function readConversation(file: string): Promise<string[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UserError(`Cannot read ${file}`, { cause });
  }
  return raw
    .split(/\r?\n/)
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch (cause) {
        throw new UserError(`${file}:${i + 1}: not JSON`, { cause });
      }
      const q = (v as { q?: unknown })?.q;
      if (typeof q !== 'string') throw new UserError(`${file}:${i + 1}: expected {"q": "…"}`);
      return q;
    });
}

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('ask')
    .description('Answer a question about the indexed documents with verified quotations.')
    .argument('[question...]', 'the question')
    .option('--json', 'print JSON')
    .option('--conversation <file>', 'a JSONL file of {"q": "..."} lines, answered in order as one conversation')
    .option('--session <name>', 'continue the named conversation across runs (kept in the state database)');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const opts = program.opts<{ json?: boolean; conversation?: string; session?: string }>();
  const questions = opts.conversation ? await readConversation(opts.conversation) : [program.args.join(' ')];
  if (!opts.conversation && !questions[0]!.trim()) throw new UserError('Please ask a question, e.g. npm run ask -- "What did Annan tell the Council?"');
  if (opts.session !== undefined && !/^[\w.-]{1,64}$/.test(opts.session)) throw new UserError('--session takes a name of letters, digits, ".", "-" or "_" (at most 64).');
  return withEngine({ quiet: !!opts.json, earlyModel: true }, async (engine, { config }) => {
    const state = opts.session ? await openSessionState(config) : null;
    try {
      const conversation: Conversation = state ? await state.conversations.forKey(`cli:${opts.session}`) : { id: 'cli', turns: [] };
      return await answerAll(engine, questions, conversation, opts.json, state?.conversations);
    } finally {
      await state?.close();
    }
  }, (c) => (cli = c));
}, () => cli?.logger);

async function openSessionState(config: Config) {
  const { openState, stateOptions } = await import('../state/index.js');
  return openState(stateOptions(config));
}

async function answerAll(engine: Engine, questions: string[], conversation: Conversation, json: boolean | undefined, store?: ConversationStore): Promise<number> {
  let failed = 0;
  for (const q of questions) {
    try {
      const a = await engine.ask(q, conversation);
      await store?.touch(conversation);
      const cat = catalog(engine.documents());
      process.stdout.write(json ? `${JSON.stringify(answerJson(q, a, cat))}\n` : `${renderAnswerText(a, cat)}\n`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed++;
      if (json) process.stdout.write(`${JSON.stringify({ question: q, error: describeError(e) })}\n`);
      process.stderr.write(`Error: ${e.message}\n`);
    }
  }
  return failed ? 1 : 0;
}
