import { describe, expect, it } from 'vitest';
import { aboutEmbed } from '../../src/discord/commands/about.js';
import { commandsJSON } from '../../src/discord/commands/index.js';
import { paragraphChoices, personChoices, quote } from '../../src/discord/commands/quote.js';
import { quotationToQuote } from '../../src/present/quote.js';
import { applicationIdFromToken, deployCommands } from '../../src/discord/deploy.js';
import { payloadProblems } from '../../src/discord/format.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Engine } from '../../src/engine-api.js';
import type { Quotation, StoredDocument } from '../../src/types.js';

const text = 'Title line\n\nFirst paragraph about the Council.\n\nSecond paragraph about regional organizations.\n\nThird one.';
const para = (n: number, needle: string) => {
  const start = text.indexOf(needle);
  return { n, kind: n ? ('body' as const) : ('title' as const), start, end: start + needle.length };
};
const doc: StoredDocument = {
  id: 'documents/x.txt',
  path: 'documents/x.txt',
  title: 'Title line',
  text,
  hash: 'h',
  paragraphs: [para(0, 'Title line'), para(1, 'First paragraph about the Council.'), para(2, 'Second paragraph about regional organizations.'), para(3, 'Third one.')],
  sentences: [],
};
const quotation = (speaker: string | null, addressee: string | null): Quotation => ({
  doc: doc.id,
  paragraph: 1,
  start: 0,
  end: 5,
  quote: 'Title',
  speaker,
  cue: 'told',
  addressee,
  setting: null,
});
const engine = {
  documents: () => [doc],
  quotations: async () => [quotation('Kofi Annan', 'the Council'), quotation('kofi annan', 'the heads of regional organizations'), quotation(null, null), quotation('Ban', 'the Council')],
} as unknown as Engine;

describe('command definitions', () => {
  const json = commandsJSON();

  it('given the command list, when serialised, then /ask /summary /quote /verify /about /help /forget /docs exist with valid names and descriptions', () => {
    expect(json.map((c) => c.name)).toEqual(['ask', 'summary', 'quote', 'verify', 'about', 'help', 'forget', 'docs']);
    for (const c of json) {
      expect(c.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('given the admin commands, when serialised, then only they carry default_member_permissions (Manage Server) and are guild-only', () => {
    for (const name of ['forget', 'docs']) {
      const admin = json.find((c) => c.name === name)!;
      expect(admin.default_member_permissions).toBe('32');
      expect(admin.contexts).toEqual([0]);
    }
    for (const c of json.filter((c) => c.name !== 'forget' && c.name !== 'docs')) expect(c.default_member_permissions ?? null).toBeNull();
  });

  it('given /ask and /quote, when serialised, then the question is required and /quote paragraph, speaker, to autocomplete', () => {
    const ask = json.find((c) => c.name === 'ask')!;
    expect(ask.options).toEqual([
      expect.objectContaining({ name: 'question', required: true, max_length: 1000 }),
      expect.objectContaining({ name: 'document', autocomplete: true }),
    ]);
    const quote = json.find((c) => c.name === 'quote')!;
    expect(Object.fromEntries((quote.options ?? []).map((o) => [o.name, (o as { autocomplete?: boolean }).autocomplete ?? false]))).toEqual({
      about: false,
      paragraph: true,
      speaker: true,
      to: true,
      document: true,
    });
  });
});

describe('autocomplete choices', () => {
  it('given a typed number, when completing paragraph, then the matching body paragraphs with a preview', () => {
    expect(paragraphChoices(engine, '2')).toEqual([{ name: '¶2 — Second paragraph about regional organizations.', value: 2 }]);
    expect(paragraphChoices(engine, '').map((c) => c.value)).toEqual([1, 2, 3]); // title excluded
  });

  it('given typed words, when completing paragraph, then paragraphs containing them', () => {
    expect(paragraphChoices(engine, 'council').map((c) => c.value)).toEqual([1]);
  });

  it('given quotations, when completing speaker or to, then distinct names (case-insensitive) filtered by the typed text', async () => {
    expect(await personChoices(engine, 'speaker', '')).toEqual([
      { name: 'Kofi Annan', value: 'Kofi Annan' },
      { name: 'Ban', value: 'Ban' },
    ]);
    expect((await personChoices(engine, 'addressee', 'regional')).map((c) => c.value)).toEqual(['the heads of regional organizations']);
  });

  it('given a quotation, when turned into a quote, then its attribution comes along', () => {
    const q = quotation('A', 'B');
    expect(quotationToQuote(q).attribution).toEqual({ speaker: 'A', cue: 'told', addressee: 'B', setting: null, words: { start: q.start, end: q.end } });
  });
});

describe('/quote', () => {
  /** Run /quote with these options against a stub engine; what it asked the engine and the title it answered with. */
  async function runQuote(options: Record<string, string | number>) {
    const asked: string[] = [];
    const edits: { embeds?: { title?: string }[] }[] = [];
    const interaction = {
      options: {
        getString: (n: string) => (typeof options[n] === 'string' ? options[n] : null),
        getInteger: (n: string) => (typeof options[n] === 'number' ? options[n] : null),
      },
      deferred: false,
      replied: false,
      user: { id: '400000000000000001' },
      channelId: '300000000000000001',
      async deferReply() {
        this.deferred = true;
      },
      editReply: async (p: { embeds?: { title?: string }[] }) => void edits.push(p),
      followUp: async () => undefined,
    };
    const ctx = {
      clock: () => 0,
      logger: silentLogger(),
      render: () => ({ fp: 'abcdef01', docs: [{ id: doc.id, title: doc.title }] }),
      engine: {
        documents: () => [doc],
        quotations: async (q: object) => (asked.push(`quotations ${JSON.stringify(q)}`), []),
        passages: async (q: object) => (asked.push(`passages ${JSON.stringify(q)}`), []),
      },
    };
    await quote.execute(interaction as never, ctx as never);
    return { asked, title: edits[0]?.embeds?.[0]?.title };
  }

  it('given to: with about:, when answered, then the quotations said to that addressee about the topic are listed (not passages about the topic)', async () => {
    const r = await runQuote({ to: 'the Council', about: 'joint action' });
    expect(r.asked).toEqual(['quotations {"to":"the Council","about":"joint action"}']);
    expect(r.title).toBe('Quotations to the Council about “joint action”');
  });

  it('given about: alone, when answered, then passages about the topic are looked for', async () => {
    const r = await runQuote({ about: 'joint action' });
    expect(r.asked).toEqual(['passages {"about":"joint action","limit":10}']);
  });
});

describe('/about', () => {
  it('given many documents, when shown, then every field fits and the model/LLM state is stated', () => {
    const e = aboutEmbed(
      {
        documents: Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, title: `Document number ${i}`, paragraphs: 10, chars: 12345 })),
        chunks: 2000,
        model: null,
        dim: null,
        builtAt: new Date(0).toISOString(),
        llm: null,
    });
    expect(payloadProblems({ embeds: [e], allowedMentions: { parse: [] } })).toEqual([]);
    const values = Object.fromEntries(e.fields!.map((f) => [f.name, f.value]));
    expect(values['Documents (200)']).toContain('more');
    expect(values.Retrieval).toBe('lexical only (no embedding model)');
    expect(values.Answers).toContain('extractive');
    // One time, one way: a Discord timestamp the reader's client shows relative to now, in their locale.
    expect(values['Index built']).toBe('<t:0:R>');
  });
});

describe('deployCommands (unit)', () => {
  const cfg = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env }, '/tmp');
  const tokenFor = (id: string) => `${Buffer.from(id).toString('base64').replace(/=+$/, '')}.GhIjKl.abcdefghijklmnopqrstuvwxyz0123`;

  it('given a token, when the application id is derived, then it is the base64-decoded first segment', () => {
    expect(applicationIdFromToken(tokenFor('100000000000000001'))).toBe('100000000000000001');
    expect(applicationIdFromToken('not-a-token')).toBeUndefined();
  });

  it('given a guild id, when deploying, then it PUTs every command to the guild route; without one, to the global route', async () => {
    const puts: { route: string; body: unknown }[] = [];
    const rest = { put: async (route: string, o: { body: unknown }) => void puts.push({ route, body: o.body }) };
    const token = tokenFor('123456789012345678');
    const r1 = await deployCommands({ config: cfg({ DISCORD_TOKEN: token, DISCORD_GUILD_ID: '200000000000000001' }), logger: silentLogger(), rest });
    const r2 = await deployCommands({ config: cfg({ DISCORD_TOKEN: token }), logger: silentLogger(), rest });
    expect(puts.map((p) => p.route)).toEqual(['/applications/123456789012345678/guilds/200000000000000001/commands', '/applications/123456789012345678/commands']);
    expect((puts[0].body as { name: string }[]).map((c) => c.name)).toContain('ask');
    expect([r1.scope, r2.scope]).toEqual(['guild', 'global']);
  });

  it('given no token, when deploying, then a clear one-line error', async () => {
    await expect(deployCommands({ config: cfg({}), logger: silentLogger() })).rejects.toThrow(/^DISCORD_TOKEN is not set/);
  });

  it('given Discord answers 401, when deploying, then the error says the token was rejected', async () => {
    const rest = {
      put: async () => {
        throw Object.assign(new Error('401: Unauthorized'), { status: 401 });
      },
    };
    await expect(deployCommands({ config: cfg({ DISCORD_TOKEN: tokenFor('123456789012345678') }), logger: silentLogger(), rest })).rejects.toThrow(
      'Discord rejected the token (401 Unauthorized) — check DISCORD_TOKEN.',
    );
  });

  it('given Discord answers 403, 404 or 500, when deploying, then each error names its own cause (only 403 blames the invite scope)', async () => {
    const failWith = (status: number) => ({
      put: async () => {
        throw Object.assign(new Error(`${status}: refused`), { status });
      },
    });
    const deploy = (status: number) => deployCommands({ config: cfg({ DISCORD_TOKEN: tokenFor('123456789012345678') }), logger: silentLogger(), rest: failWith(status) });
    await expect(deploy(403)).rejects.toThrow('Discord refused (403 Forbidden) — is the bot in that guild, invited with the applications.commands scope?');
    await expect(deploy(404)).rejects.toThrow('Discord answered 404 — check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.');
    await expect(deploy(500)).rejects.toThrow('Discord refused the commands (500): 500: refused');
  });
});
