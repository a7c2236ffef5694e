/**
 * Limits and failures end to end: a 6,000+ character answer split into valid
 * messages, a document that contains "@everyone" and a user mention, an
 * engine that throws, and a streamed (LLM-style) answer — the real engine
 * over a generated document, wrapped where a test needs a particular answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/custom-ids.js';
import type { Engine } from '../../src/engine-api.js';
import type { Answer, Quote } from '../../src/types.js';
import { APP_ID, buttonIds, CHANNEL, quotesIn, startBotHarness, until, type BotHarness } from './bot-harness.js';

const topics = ['budgets', 'peacekeeping', 'mediation', 'elections', 'refugees', 'trade', 'health', 'climate', 'education', 'water'];
const TEXT = [
  'Notes from the plenary on regional partnerships',
  'The chair wrote to @everyone on the mailing list that the plenary starts at noon in the *main* hall, and that <@400000000000000001> will moderate the plenary.',
  ...topics.map((t, i) =>
    Array.from(
      { length: 7 },
      (_, k) => `Delegates from region ${i + 1} reported on ${t} in session ${k + 1}, noting that cooperation on ${t} had improved but that funding_gaps remained a concern.`,
    ).join(' '),
  ),
].join('\n\n');
const DOC = { id: 'documents/plenary.txt', path: 'documents/plenary.txt', text: TEXT };

let h: BotHarness;
let longAnswer: Answer;

/** The real engine, except for questions starting with LONG / EXPLODE / STREAM. */
function wrap(real: Engine): Engine {
  const ask: Engine['ask'] = async (question, conversation, options) => {
    if (question.startsWith('LONG')) {
      const d = real.documents()[0];
      const quotes: Quote[] = d.paragraphs
        .filter((p) => p.n > 1)
        .map((p) => ({ doc: d.id, paragraph: p.n, start: p.start, end: p.end, quote: d.text.slice(p.start, p.end) }));
      longAnswer = { question, lead: 'Here is everything the notes say about the sessions:', quotes, refused: false, mode: 'extractive' };
      conversation?.turns.push({ question, standalone: question, answer: longAnswer, at: 0 });
      return longAnswer;
    }
    if (question.startsWith('EXPLODE')) throw new Error('vector store unavailable', { cause: new Error('ENOSPC: no space left on device') });
    if (question.startsWith('STREAM ')) {
      for (let i = 1; i <= 5; i++) {
        options?.onPartial?.(`Working on it, part ${i} of the *streamed* answer`);
        await new Promise((r) => setTimeout(r, 250));
      }
      return real.ask(question.slice('STREAM '.length), conversation, options);
    }
    return real.ask(question, conversation, options);
  };
  // Everything else is the real engine's.
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'ask') return ask;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

beforeAll(async () => {
  h = await startBotHarness({ documents: [DOC], wrapEngine: wrap });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.clock.now += 61_000;
});

const askSlash = (question: string) =>
  h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] } });
const original = (token: string) =>
  h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && !!r.body?.embeds?.length, 10_000);

describe('limits and failures through the fake Discord', () => {
  it('given a 6,000+ character answer to /ask, when sent, then it is split into several valid messages with every quotation whole and verbatim', async () => {
    const { token } = await askSlash('LONG what happened in every session?');
    await original(token);
    const expected = () => longAnswer.quotes.length;
    await until(() => {
      const ids = h.fake.interaction(token)!.messageIds;
      const shown = ids.flatMap((id) => quotesIn(h.fake.messages(CHANNEL).find((m) => m.id === id) ?? {}));
      return shown.length >= expected() && ids;
    }, 'all parts of the long answer');
    expect(longAnswer.quotes.reduce((n, q) => n + q.quote.length, 0)).toBeGreaterThan(6000);
    const ids = h.fake.interaction(token)!.messageIds;
    const messages = ids.map((id) => h.fake.messages(CHANNEL).find((m) => m.id === id)!);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const shown = messages.flatMap((m) => quotesIn(m));
    expect(shown).toEqual(longAnswer.quotes.map((q) => q.quote)); // in order, none cut
    for (const m of messages) {
      const e = m.embeds[0];
      expect(e.description.length).toBeLessThanOrEqual(4096);
      expect((e.title ?? '').length + e.description.length + (e.footer?.text ?? '').length).toBeLessThanOrEqual(6000);
    }
    // Offsets in the Context buttons give back exactly the quoted text.
    const ctx = messages.flatMap((m) => buttonIds(m)).map((b) => decodeCustomId(b.id)).filter((a) => a?.kind === 'context') as { start: number; end: number }[];
    expect(ctx.map((a) => TEXT.slice(a.start, a.end))).toEqual(shown);
  });

  it('given a 6,000+ character answer in chat, when sent, then the first part replies to the question and the rest follow in the channel', async () => {
    const q = await h.fake.sendMessage({ content: 'LONG what happened in every session?', mentionBot: true });
    await until(() => {
      const after = h.fake.messages(CHANNEL).filter((m) => BigInt(m.id) > BigInt(q.id));
      return after.flatMap((m) => quotesIn(m)).length >= longAnswer.quotes.length;
    }, 'all parts of the chat answer');
    const parts = h.fake.messages(CHANNEL).filter((m) => BigInt(m.id) > BigInt(q.id));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts[0].message_reference?.message_id).toBe(q.id);
    expect(parts.flatMap((m) => quotesIn(m))).toEqual(longAnswer.quotes.map((x) => x.quote));
  });

  it('given a document containing "@everyone" and a user mention, when quoted, then the reader sees them as text and nobody is pinged', async () => {
    const { token } = await askSlash('Who will moderate the plenary at noon?');
    const edit = await original(token);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    const quotes = quotesIn(message);
    const quoted = quotes.find((q) => q.includes('@everyone'));
    expect(quoted).toBeDefined();
    expect(TEXT.includes(quoted!)).toBe(true);
    expect(message.embeds[0].description).toContain('\\@everyone');
    expect(message.embeds[0].description).toContain('\\<@400000000000000001>');
    expect(message.mention_everyone).toBe(false);
    expect(message.mentions).toEqual([]);
  });

  it('given an engine that throws, when /ask is used, then the user gets a short ephemeral apology and the log gets the error with its cause', async () => {
    const { id, token } = await askSlash('EXPLODE please');
    const follow = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${token}` && r.status === 200, 10_000);
    expect(follow.body).toMatchObject({ content: 'Something went wrong answering that — it has been logged.', flags: 64, allowed_mentions: { parse: [] } });
    const defer = h.fake.requests.find((r) => r.path === `/interactions/${id}/${token}/callback`)!;
    expect(defer.body.type).toBe(5);
    // The public "thinking…" placeholder is gone; the apology is ephemeral.
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`)).toBe(true);
    const apology = h.fake.messages(CHANNEL).find((m) => m.content === follow.body.content)!;
    expect(apology.flags & 64).toBe(64);
    const line = await until(() => h.logs.find((l) => l.msg === 'interaction failed' && l.source === 'slash:ask'), 'the error log line');
    expect(line.err.message).toContain('vector store unavailable');
    expect(line.err.message).toContain('ENOSPC: no space left on device');
    expect(line.outcome).toBe('error');
  });

  it('given an engine that throws, when asked in chat, then the reply is the apology and the log has the cause', async () => {
    const q = await h.fake.sendMessage({ content: 'EXPLODE please', mentionBot: true });
    const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === q.id);
    expect(reply.body.content).toBe('Something went wrong answering that — it has been logged.');
    const line = await until(() => h.logs.find((l) => l.msg === 'chat answer failed'), 'the chat error log line');
    expect(line.err.message).toContain('ENOSPC');
  });

  it('given a streamed answer, when partials arrive every 250 ms, then the deferred reply is edited at most once a second and finally replaced by the answer', async () => {
    const { token } = await askSlash('STREAM Who will moderate the plenary at noon?');
    const path = `/webhooks/${APP_ID}/${token}/messages/@original`;
    await original(token);
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === path);
    const partials = edits.filter((r) => !r.body.embeds?.length);
    expect(partials.length).toBeGreaterThanOrEqual(2);
    expect(partials.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < partials.length; i++) expect(partials[i].at - partials[i - 1].at).toBeGreaterThanOrEqual(900);
    expect(partials[0].body.content).toBe('Working on it, part 1 of the \\*streamed\\* answer');
    for (const p of partials) expect(p.body.allowed_mentions).toEqual({ parse: [] });
    const final = edits.at(-1)!;
    expect(final.body.embeds.length).toBe(1);
    expect(final.body.content).toBe(''); // the partial text is cleared, not left above the answer
    const stored = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(stored.content).toBe('');
    expect(quotesIn(stored).length).toBeGreaterThan(0);
  });

  it('given every REST request in this file, when validated, then none breaks the spec, the limits or allowed_mentions', () => {
    expect(h.fake.validateAll()).toEqual([]);
  });
});
