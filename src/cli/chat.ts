/**
 * The terminal chat: a conversation over the index. On a TTY it prompts;
 * otherwise it reads one question per line, answers each in turn as one
 * conversation, and exits at end of input.
 */
import readline from 'node:readline';
import type { Engine } from '../engine-api.js';
import { describeError, isUserError } from '../errors.js';
import { catalog } from '../present/documents.js';
import { renderAnswerText, renderQuotesText } from '../present/terminal.js';
import { renderVerificationText } from '../verify/render.js';
import type { Logger } from '../log.js';
import type { Conversation, SummaryLength } from '../types.js';

const HELP = `Ask anything about the document. Follow-ups work ("and what did he say next?", "where was that?", "what else?").
Commands: /summary [short|medium|long] [focus…]   /quote <¶ number | topic>   /verify <quote>   /about   /new (forget the conversation)   /quit`;

export async function runChat(deps: { engine: Engine; logger: Logger; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; interactive?: boolean }): Promise<number> {
  const { engine } = deps;
  const input = deps.input ?? process.stdin;
  const out = deps.output ?? process.stdout;
  const interactive = deps.interactive ?? !!(process.stdin.isTTY && process.stdout.isTTY);
  const write = (s: string) => out.write(`${s}\n`);
  let conversation: Conversation = { id: 'terminal', turns: [] };
  let failures = 0;
  /** Set by /quit: lines already read (piped, or typed ahead of a slow answer) are not answered after it. */
  let quitting = false;

  if (interactive) {
    const about = engine.about();
    const d = about.documents[0];
    write(`Verbatim — answers with verified quotations from ${about.documents.length === 1 && d ? `“${d.title}” (${d.paragraphs} paragraphs)` : `${about.documents.length} documents`}.`);
    write(`Retrieval: ${about.model ? `hybrid (BM25 + ${about.model})` : 'lexical only (no embedding model)'}. To run the Discord bot instead, set DISCORD_TOKEN in .env (see README).`);
    write(HELP);
  }
  const rl = readline.createInterface({ input, output: interactive ? out : undefined, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('\n? ');
  prompt();

  const handle = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    const [cmd, ...rest] = text.split(/\s+/);
    const arg = rest.join(' ');
    switch (cmd) {
      case '/quit':
      case '/exit':
        quitting = true;
        rl.close();
        return;
      case '/help':
        write(HELP);
        return;
      case '/new':
        conversation = { id: 'terminal', turns: [] };
        write('Started a new conversation.');
        return;
      case '/about': {
        const a = engine.about();
        for (const d of catalog(engine.documents()).docs) {
          const n = a.documents.find((x) => x.id === d.id)?.paragraphs ?? 0;
          write(`${d.title}${d.url ? ` <${d.url}>` : ''}: ${n} paragraphs`);
        }
        write(`${a.chunks} chunks; model: ${a.model ?? 'none (lexical only)'}; index built ${a.builtAt}`);
        return;
      }
      case '/summary': {
        const lengthArg = ['short', 'medium', 'long'].includes(rest[0] ?? '') ? (rest[0] as SummaryLength) : undefined;
        const focus = (lengthArg ? rest.slice(1) : rest).join(' ') || null;
        const s = await engine.summarize({ length: lengthArg, focus });
        if (s.note) write(s.note);
        if (s.summary.length) write(renderQuotesText(s.summary, catalog(engine.documents())));
        return;
      }
      case '/verify':
        write(renderVerificationText(await engine.verify(arg)));
        return;
      case '/quote': {
        const n = Number(arg.replace(/^¶/, ''));
        const quotes = Number.isInteger(n) && n > 0 ? await engine.passages({ paragraph: n }) : await engine.passages({ about: arg });
        if (!quotes.length) write('No passage matches that.');
        else write(renderQuotesText(quotes, catalog(engine.documents())));
        return;
      }
    }
    // While an LLM drafts, show the draft (dim) and replace it with the checked answer.
    let printed = '';
    const tty = interactive && (out as NodeJS.WriteStream).isTTY;
    const onPartial = tty
      ? (t: string) => {
          if (!printed) out.write('\x1b[2m(drafting — quotations not yet checked)\n');
          out.write(t.slice(printed.length));
          printed = t;
        }
      : undefined;
    const a = await engine.ask(text, conversation, { onPartial });
    if (printed) {
      const cols = (out as NodeJS.WriteStream).columns || 80;
      const rows = `(drafting — quotations not yet checked)\n${printed}`.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / cols)), 0);
      out.write('\x1b[0m');
      readline.moveCursor(out, 0, -(rows - 1));
      readline.cursorTo(out, 0);
      readline.clearScreenDown(out);
    }
    // Piped questions: a blank line between answers (a terminal gets its prompt instead).
    write(`${renderAnswerText(a, catalog(engine.documents()))}${interactive ? '' : '\n'}`);
  };

  // Lines are answered strictly in order, one at a time.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (quitting) return;
      try {
        await handle(line);
      } catch (e) {
        failures++;
        write(isUserError(e) ? e.message : describeError(e));
        if (!isUserError(e)) deps.logger.error({ err: e }, 'chat turn failed');
      }
      prompt();
    });
  });
  await new Promise<void>((resolve) => rl.on('close', resolve));
  await queue;
  return interactive ? 0 : failures ? 1 : 0;
}
