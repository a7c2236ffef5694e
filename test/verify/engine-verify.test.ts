import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
});
afterAll(() => engine.close());

describe('Engine.verify', () => {
  it('given exact, reworded and invented quotes, when verified through the engine, then exact with speaker, close with the real words, not found', async () => {
    const exact = await engine.verify('“Much as we have strengthened our capacities over the years”');
    expect(exact).toMatchObject({ verdict: 'exact', speaker: 'Kofi Annan', citations: [{ doc: DEFAULT_DOC, paragraph: 5, quote: 'Much as we have strengthened our capacities over the years' }] });
    expect(TEXT.slice(exact.citations[0]!.start, exact.citations[0]!.end)).toBe(exact.citations[0]!.quote);
    const close = await engine.verify('Much as we have strengthened our abilities over the years');
    expect(close).toMatchObject({ verdict: 'close', differences: [{ document: 'capacities', claim: 'abilities' }] });
    expect((await engine.verify('I will resign as Secretary-General at the end of the year')).verdict).toBe('not-found');
  });
});

describe('the terminal chat', () => {
  it('given /verify and /summary typed in the chat, when run, then the verdict with the real words, and summary quotations with their speaker', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += String(c)));
    const input = Readable.from(['/verify We need to make sure that multilateralism and joint action\n', '/summary short\n']);
    await runChat({ engine, logger: silentLogger(), input, output: out, interactive: false });
    expect(text).toContain('Close, but not word for word. Kofi Annan’s words say it differently:\n  “We need to ensure that multilateralism and joint action” (¶2)\nWhat differs:\n  document: ensure → claim: make sure');
    // The place is said once, beside the passage, not also in the verdict.
    expect(text.split('document: ensure → claim: make sure')[0]!.match(/¶2/g) ?? []).toHaveLength(1);
    // The summary's quotations as blocks, each with who said it and where on the line under it.
    expect(text).toMatch(/\n {4}— Kofi Annan, told the heads[^\n]*\(¶2\)/);
  });
});
