/**
 * Bring-your-own documents end to end: the real discord.js client against the
 * fake Discord, attachments served by a fake CDN on 127.0.0.1 and sent as
 * `resolved.attachments`. /docs add answers at once, edits its message with
 * progress and the result; the documents are asked about with their page
 * citations; two servers never see each other's documents (answers,
 * citations, autocomplete, /about); every refusal is one clear message.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollections, type Collections } from '../../src/collections/collections.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { writeDocx, writePdf } from '../helpers/doc-writers.js';
import { ROOT, tempDir } from '../helpers/paths.js';
import { APP_ID, TOKEN, quotesIn, until } from './bot-harness.js';
import { startAttachmentCdn, type AttachmentCdn, type CdnAttachment } from './fake-discord/attachments.js';
import { MEMBER_PERMISSIONS, PERMISSIONS, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';

const GUILD_A = '200000000000000001';
const GUILD_B = '200000000000000002';
const CHANNEL_A = '300000000000000001';
const CHANNEL_B = '300000000000000002';
const ADMIN = String(BigInt(MEMBER_PERMISSIONS) | PERMISSIONS.MANAGE_GUILD);
const FIX = path.join(ROOT, 'test/fixtures/docs');

interface Rig {
  fake: FakeDiscord;
  cdn: AttachmentCdn;
  bot: Bot;
  engine: Engine;
  collections: Collections;
  config: Config;
  close(): Promise<void>;
}

async function startRig(env: Record<string, string>): Promise<Rig> {
  const tmp = await tempDir('verbatim-docs-e2e-');
  const fake = await startFakeDiscord({
    token: TOKEN,
    guilds: [
      { id: GUILD_A, name: 'Library Club', channels: [{ id: CHANNEL_A, name: 'general' }] },
      { id: GUILD_B, name: 'Harbour Volunteers', channels: [{ id: CHANNEL_B, name: 'general' }] },
    ],
  });
  const cdn = await startAttachmentCdn();
  const config = loadConfig(
    { INDEX_DIR: path.join(tmp.dir, 'index'), DOCS_DIR: path.join(tmp.dir, 'collections'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: '1000', DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ...env },
    ROOT,
  );
  const engine = await createEngine({ config, logger: silentLogger(), embedder: null });
  const collections = createCollections({ config, logger: silentLogger(), embedder: null, defaultEngine: engine, watchIntervalMs: 0 });
  for (const guild of [GUILD_A, GUILD_B]) await deployCommands({ config: { ...config, DISCORD_GUILD_ID: guild }, logger: silentLogger() });
  const bot = createBot({ config, engine, logger: silentLogger(), collections });
  await bot.start();
  return {
    fake, cdn, bot, engine, collections, config,
    async close() {
      await bot.stop();
      await collections.close();
      await engine.close();
      await cdn.close();
      await fake.close();
      await tmp.cleanup();
    },
  };
}

const channelOf = (guild: string) => (guild === GUILD_A ? CHANNEL_A : CHANNEL_B);

/** `/docs add` with a file (sent as resolved.attachments) or a url; resolves with the final message and every content the message showed. */
async function docsAdd(r: Rig, guild: string, what: { file?: CdnAttachment; url?: string }, perms = ADMIN) {
  const options = what.file ? [{ name: 'file', type: 11, value: what.file.id }] : [{ name: 'url', type: 3, value: what.url }];
  const sentAt = Date.now();
  const { id, token } = await r.fake.sendInteraction({
    type: 2,
    guildId: guild,
    channelId: channelOf(guild),
    memberPermissions: perms,
    data: { name: 'docs', type: 1, options: [{ name: 'add', type: 1, options }], ...(what.file ? { resolved: { attachments: { [what.file.id]: what.file } } } : {}) },
  });
  const callback = await r.fake.waitForRequest((q) => q.method === 'POST' && q.path === `/interactions/${id}/${token}/callback`, 10_000);
  const final = await r.fake.waitForRequest(
    (q) => q.method === 'PATCH' && q.path === `/webhooks/${APP_ID}/${token}/messages/@original` && /^(Added|Could not add)/.test(q.body?.content ?? ''),
    30_000,
  );
  const shown = [callback.body?.data?.content, ...r.fake.requests.filter((q) => q.method === 'PATCH' && q.path.includes(token)).map((q) => q.body?.content)];
  return { callback, ackMs: callback.at - sentAt, final: final.body.content as string, shown: shown as string[] };
}

async function slash(r: Rig, guild: string | null, name: string, options: unknown[], extra: Record<string, unknown> = {}) {
  const { token } = await r.fake.sendInteraction({ type: 2, guildId: guild, ...(guild ? { channelId: channelOf(guild) } : {}), data: { name, type: 1, options }, ...extra });
  return until(() => {
    // The answer, or (when the bot acknowledged first and then refused) the follow-up that replaced it.
    const ids = r.fake.interaction(token)?.messageIds ?? [];
    const shown = r.fake.messages().filter((x) => ids.includes(x.id) && (x.embeds?.length || x.content));
    return shown.at(-1);
  }, `/${name} answer`, 15_000);
}

async function autocomplete(r: Rig, guild: string | null, command: string, typed: string) {
  const { token } = await r.fake.sendInteraction({
    type: 4, guildId: guild, ...(guild ? { channelId: channelOf(guild) } : {}),
    data: { name: command, type: 1, options: [{ name: 'question', type: 3, value: 'x' }, { name: 'document', type: 3, value: typed, focused: true }] },
  });
  return (await until(() => r.fake.interaction(token)?.autocompleteChoices, 'autocomplete')) as { name: string; value: string }[];
}

const askIn = (r: Rig, guild: string | null, question: string, doc?: string) =>
  slash(r, guild, 'ask', [{ name: 'question', type: 3, value: question }, ...(doc ? [{ name: 'document', type: 3, value: doc }] : [])]);

describe('/docs with the fake Discord', () => {
  let r: Rig;
  let reportText = '';
  beforeAll(async () => {
    r = await startRig({ URL_ALLOW_PRIVATE: 'true', DOCS_MAX_FILE_MB: '1', DOCS_MAX_EXPANDED_MB: '5' });
  }, 60_000);
  afterAll(async () => r?.close());

  it('given a PDF attached in server A, then the reply comes at once, is edited with progress and ends with pages, paragraphs and quotations', async () => {
    const bytes = await readFile(path.join(FIX, 'report.pdf'));
    const file = r.cdn.add({ name: 'report.pdf', bytes, contentType: 'application/pdf', dripMs: 2500 });
    const res = await docsAdd(r, GUILD_A, { file });
    expect(res.callback.body).toMatchObject({ type: 4, data: { content: 'Indexing report.pdf — 0%' } });
    expect(res.ackMs).toBeLessThan(3000);
    const percents = res.shown.map((c) => /— (\d+)%$/.exec(c ?? '')?.[1]).filter(Boolean).map(Number);
    expect(percents.length).toBeGreaterThanOrEqual(3);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(res.final).toMatch(/^Added “Riverside Library Annual Report” \(report\.pdf\): 3 pages, 7 paragraphs, 2 quotations found\./);
    reportText = (await r.collections.engineFor(GUILD_A)).documents()[0]!.text;
  });

  it('given a DOCX attached in server B, then it is added there', async () => {
    const file = r.cdn.add({ name: 'memo.docx', bytes: await readFile(path.join(FIX, 'memo.docx')), channelId: CHANNEL_B });
    const res = await docsAdd(r, GUILD_B, { file });
    expect(res.final).toMatch(/^Added “Memo on the Harbour Clean-up” \(memo\.docx\): 4 paragraphs, 1 quotation found\./);
  });

  it('given url: to an article page (the operator allows 127.0.0.1), then it is fetched, added with its title and URL', async () => {
    const html = '<!doctype html><html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1><p>From June the first ferry leaves the terminal at six in the morning, an hour earlier than before, the operator announced on Monday.</p><p>"Commuters asked us for an earlier crossing for years," said the operator\'s director, Ana Silva.</p></article></body></html>';
    const page = r.cdn.add({ name: 'ferry.html', bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8', channelId: CHANNEL_B });
    const res = await docsAdd(r, GUILD_B, { url: page.url });
    expect(res.final).toMatch(/^Added “Ferry timetable changes” \(http:\/\/127\.0\.0\.1:\d+\/attachments\/.*ferry\.html.*\): \d+ paragraphs?, 1 quotation found\./);
    const doc = (await r.collections.engineFor(GUILD_B)).documents().find((d) => d.title === 'Ferry timetable changes')!;
    expect(doc.url).toBe(page.url);
    const m = await askIn(r, GUILD_B, 'When does the first ferry leave?', doc.id);
    expect(quotesIn(m).join(' ')).toMatch(/six in the morning/);
  });

  it('given the PDF, when asked about in server A with document:, then the answer quotes it verbatim and cites title, page and ¶', async () => {
    const [choice] = await autocomplete(r, GUILD_A, 'ask', 'river');
    expect(choice).toMatchObject({ name: 'Riverside Library Annual Report' });
    const m = await askIn(r, GUILD_A, 'What did Maria Okafor tell the town council?', choice!.value);
    const quotes = quotesIn(m);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(reportText.includes(q)).toBe(true);
    expect(m.embeds[0].description).toMatch(/\(p\. 2 ¶3\)/);
    // The ¶ number is document-wide: /quote paragraph:3 on that document shows the same paragraph.
    const para = await slash(r, GUILD_A, 'quote', [{ name: 'paragraph', type: 4, value: 3 }, { name: 'document', type: 3, value: choice!.value }]);
    expect(quotesIn(para)[0]).toMatch(/^"We cannot keep the doors open on Sundays/);
    // A whole paragraph is cited once, in the title (present: each place cited once).
    expect(`${para.embeds[0].title ?? ''} ${para.embeds[0].description ?? ''}`).toMatch(/p\. 2 ¶3/);
  });

  it('given the DOCX, when asked about in server B, then the answer quotes the memo', async () => {
    const m = await askIn(r, GUILD_B, 'What did Lena Duarte tell the volunteers?');
    expect(quotesIn(m).join(' ')).toMatch(/Every bag we lift out/);
  });

  it('given two servers, then neither sees the other\'s documents in answers, citations, autocomplete or /about; DMs keep the default document', async () => {
    // The question is echoed as the embed's title; everything else must come from the server's own documents.
    const shown = (m: { embeds: { title?: string }[] }) => JSON.stringify(m.embeds.map(({ title: _echo, ...rest }) => rest));
    const b = await askIn(r, GUILD_B, 'What did Maria Okafor tell the town council?');
    expect(shown(b)).not.toMatch(/Okafor|Riverside|p\. \d/);
    const a = await askIn(r, GUILD_A, 'What did Lena Duarte tell the volunteers?');
    expect(shown(a)).not.toMatch(/Every bag|Harbour/);
    expect((await autocomplete(r, GUILD_B, 'ask', '')).map((c) => c.name)).toEqual(['Memo on the Harbour Clean-up', 'Ferry timetable changes']);
    expect((await autocomplete(r, GUILD_A, 'ask', '')).map((c) => c.name)).toEqual(['Riverside Library Annual Report']);
    expect(await autocomplete(r, GUILD_B, 'ask', 'river')).toEqual([]);
    // Mentions are answered from the server's own collection too: A's PDF in A, never in B.
    await r.fake.sendMessage({ channelId: CHANNEL_A, content: 'What did Maria Okafor tell the town council?', mentionBot: true });
    const inA = await until(() => r.fake.messages(CHANNEL_A).find((m) => m.message_reference), 'mention reply in A', 15_000);
    expect(JSON.stringify(inA)).toMatch(/doors open on Sundays[\s\S]*p\. 2 ¶3/);
    await r.fake.sendMessage({ channelId: CHANNEL_B, content: 'What did Maria Okafor tell the town council?', mentionBot: true });
    const inB = await until(() => r.fake.messages(CHANNEL_B).find((m) => m.message_reference), 'mention reply in B', 15_000);
    expect(JSON.stringify(inB)).not.toMatch(/doors open|Riverside|p\. \d/);
    const aboutB = await slash(r, GUILD_B, 'about', []);
    expect(JSON.stringify(aboutB.embeds)).toContain('Memo on the Harbour Clean-up');
    expect(JSON.stringify(aboutB.embeds)).not.toContain('Riverside');
    const aboutA = await slash(r, GUILD_A, 'about', []);
    expect(JSON.stringify(aboutA.embeds)).not.toContain('Harbour');
    // A choice from server A typed into server B is not found there.
    const reportId = (await r.collections.list(GUILD_A))[0]!.id;
    const wrong = await askIn(r, GUILD_B, 'What did Maria Okafor say?', reportId);
    expect(wrong.content).toMatch(/There is no document called/);
    const dm = await askIn(r, null, 'What did Annan tell the Council?');
    expect(quotesIn(dm).length).toBeGreaterThan(0);
    expect(JSON.stringify(dm.embeds)).not.toMatch(/Riverside|Harbour/);
  });

  it('given unreadable files, then each add ends with one clear reason and nothing is added', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['photo.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), /^Could not add photo\.png: photo\.png is an image/],
      ['scan.pdf', writePdf({ pages: [[]] }), /^Could not add scan\.pdf: scan\.pdf has no text layer/],
      ['locked.pdf', writePdf({ pages: [[['Secret.']]], encrypt: true }), /^Could not add locked\.pdf: locked\.pdf is encrypted/],
      ['bomb.docx', writeDocx({ paragraphs: ['Hi.'], extra: [{ name: 'word/media/x.bin', data: Buffer.alloc(40 * 1024 * 1024), declaredSize: 10 }] }), /^Could not add bomb\.docx: bomb\.docx expands to more than 5 MB when unpacked/],
      ['files.zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex'), /^Could not add files\.zip: files\.zip is an archive/],
    ];
    for (const [name, bytes, re] of cases) {
      const res = await docsAdd(r, GUILD_A, { file: r.cdn.add({ name, bytes }) });
      expect(res.final, name).toMatch(re);
    }
    const big = r.cdn.add({ name: 'huge.pdf', bytes: Buffer.from('%PDF-1.4\n'), size: 5 * 1024 * 1024 });
    const hitsBefore = r.cdn.hits.length;
    expect((await docsAdd(r, GUILD_A, { file: big })).final).toMatch(/^Could not add huge\.pdf: huge\.pdf is too large \(5 MB; the limit is 1 MB\)/);
    expect(r.cdn.hits.length).toBe(hitsBefore); // refused from its declared size, never downloaded
    expect((await r.collections.list(GUILD_A)).map((d) => d.name)).toEqual(['report.pdf']);
  });

  it('given a member without Manage Server, then Discord does not deliver /docs, and the bot refuses it if delivered anyway', async () => {
    await expect(r.fake.sendInteraction({ type: 2, guildId: GUILD_A, data: { name: 'docs', type: 1, options: [{ name: 'list', type: 1 }] } })).rejects.toThrow(/default_member_permissions 32/);
    const m = await slash(r, GUILD_A, 'docs', [{ name: 'list', type: 1 }], { skipPermissionCheck: true });
    expect(m.content).toMatch(/^Only members with Manage Server/);
    expect(m.flags & 64).toBe(64);
  });

  it('given /docs list and /docs remove with autocomplete, then the list shows the document and removing it returns the server to the default document', async () => {
    const list = await slash(r, GUILD_B, 'docs', [{ name: 'list', type: 1 }], { memberPermissions: ADMIN });
    expect(list.content).toMatch(/Memo on the Harbour Clean-up\*\* — memo\.docx \(4 ¶\)/);
    expect(list.content).toMatch(/Ferry timetable changes\*\* — http:\/\/127\.0\.0\.1/);
    expect(list.flags & 64).toBe(64); // only the caller sees it
    const { token } = await r.fake.sendInteraction({
      type: 4, guildId: GUILD_B, channelId: CHANNEL_B, memberPermissions: ADMIN,
      data: { name: 'docs', type: 1, options: [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: 'harb', focused: true }] }] },
    });
    const [choice] = (await until(() => r.fake.interaction(token)?.autocompleteChoices, 'remove choices')) as { name: string; value: string }[];
    expect(choice!.name).toBe('Memo on the Harbour Clean-up');
    const removed = await slash(r, GUILD_B, 'docs', [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: choice!.value }] }], { memberPermissions: ADMIN });
    expect(removed.content).toMatch(/^Removed “Memo on the Harbour Clean-up”/);
    expect((await autocomplete(r, GUILD_B, 'ask', '')).map((c) => c.name)).toEqual(['Ferry timetable changes']);
    const ferry = (await r.collections.list(GUILD_B))[0]!;
    await slash(r, GUILD_B, 'docs', [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: ferry.id }] }], { memberPermissions: ADMIN });
    expect((await autocomplete(r, GUILD_B, 'ask', '')).map((c) => c.name)).toEqual([r.engine.documents()[0]!.title]);
  });

  it('given everything the bot sent, then Discord would have accepted it', () => {
    expect(r.fake.validateAll()).toEqual([]);
  });
});

describe('/docs add url: without the operator allowing private addresses', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await startRig({});
  }, 60_000);
  afterAll(async () => r?.close());

  it('given a url: or an attachment on 127.0.0.1 or localhost, then it is refused and nothing is fetched', async () => {
    const file = r.cdn.add({ name: 'report.pdf', bytes: await readFile(path.join(FIX, 'report.pdf')) });
    const viaFile = await docsAdd(r, GUILD_A, { file });
    expect(viaFile.final).toMatch(/^Could not add report\.pdf: I won't fetch http:\/\/127\.0\.0\.1:\d+\/attachments\/.*: its address 127\.0\.0\.1, a loopback address — only public internet addresses are allowed\./);
    const local = file.url.replace('127.0.0.1', 'localhost');
    const viaUrl = await docsAdd(r, GUILD_A, { url: local });
    expect(viaUrl.final).toMatch(/I won't fetch .*localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    const metadata = await docsAdd(r, GUILD_A, { url: 'http://169.254.169.254/latest/meta-data/' });
    expect(metadata.final).toMatch(/its address 169\.254\.169\.254, a link-local \(cloud metadata\) address/);
    expect(r.cdn.hits).toEqual([]);
    expect(await r.collections.list(GUILD_A)).toEqual([]);
  });
});
