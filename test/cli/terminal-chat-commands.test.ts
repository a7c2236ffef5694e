import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { silentLogger } from '../../src/log.js';
import { useLexicalEngine } from '../helpers/lexical-engine.js';

/** README (Commands): the terminal chat takes /summary, /quote, /verify, /about, /new and /quit. */
const lexical = useLexicalEngine();
async function chat(lines: string[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  await runChat({ engine: lexical.engine, logger: silentLogger(), input: Readable.from(lines.map((l) => `${l}\n`)), output: out, interactive: false });
  return text;
}

describe('terminal chat commands', () => {
  it('given /quit and then a question on the same input, when run, then the question after /quit is not answered', async () => {
    const out = await chat(['/quit', 'What did Annan tell the Council?']);
    expect(out).not.toContain('Much as we have strengthened our capacities');
  });

  it('given /new between a question and "Where was that?", when run, then the follow-up has no earlier turn to resolve from', async () => {
    const kept = await chat(['What did Annan tell the Council?', 'Where was that?']);
    expect(kept).toContain('closed-door meeting at UN headquarters');
    const fresh = await chat(['What did Annan tell the Council?', '/new', 'Where was that?']);
    const after = fresh.slice(fresh.indexOf('Started a new conversation.'));
    expect(after).not.toBe('');
    expect(after).not.toContain('closed-door meeting at UN headquarters');
  });

  it('given /quote 3 and /about, when run, then ¶3 is quoted whole and the document is listed with its paragraphs', async () => {
    const out = await chat(['/quote 3', '/about']);
    expect(out).toContain('> “There is a better recognition that we have to work together');
    expect(out).toContain('(¶3)');
    expect(out).toMatch(/Annan stresses ‘multilateralism and joint action’ at meeting on UN-regional cooperation: 8 paragraphs/);
  });
});
