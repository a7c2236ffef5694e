/**
 * The shipped word-vector file: loading, the missing/corrupt paths, the soft
 * term match on real pairs, and the embedder behind the Embedder interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { DEFAULT_WORD_VECTORS_FILE, decodeWordVectors, encodeWordVectors } from '../../src/embed/word-vectors-format.js';
import { createWordVectorEmbedder, loadWordVectorEmbedder, WORD_VECTORS_MODEL } from '../../src/embed/word-vectors-embedder.js';
import { QUESTION_MEMO_MAX, rememberedQuestions, softCoverage, softGains, softMatcherFor } from '../../src/embed/word-vectors-match.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { isUserError } from '../../src/errors.js';
import { spyLogger, tempDir } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const wv = loadWordVectors({ root });
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('the word-vector file', () => {
  it('given the shipped file, then it holds 50k words × 100 dims within the size budget', () => {
    expect(wv.size).toBe(50_000);
    expect(wv.dim).toBe(100);
    expect(fs.statSync(path.join(root, DEFAULT_WORD_VECTORS_FILE)).size).toBeLessThanOrEqual(6_000_000);
    expect(wv.isWord('annan')).toBe(true);
    expect(wv.isWord('xqzvw')).toBe(false);
  });

  it('given real pairs, then synonyms are closer than unrelated words', () => {
    expect(wv.similarity('largest', 'biggest')).toBeGreaterThan(0.7);
    expect(wv.similarity('largest', 'banana')).toBeLessThan(0.4);
    expect(wv.similarity('began', 'started')).toBeGreaterThan(0.7);
    expect(wv.similarity('labour', 'labor')).toBeGreaterThan(0.7);
    expect(wv.similarity('Council', 'council')).toBe(1);
    expect(wv.similarity('council', 'xqzvw')).toBe(0);
  });

  it('the cosines the README quotes are the shipped file\'s', () => {
    const quoted: [string, string, number][] = [['largest', 'biggest', 0.86], ['began', 'started', 0.92], ['largest', 'banana', 0.3], ['large', 'small', 0.93], ['exterior', 'outside', 0.27]];
    for (const [a, b, c] of quoted) expect(Math.abs(wv.similarity(a, b) - c), `${a}~${b}`).toBeLessThan(0.006);
  });

  it('given encode then decode, then words and directions survive int8 quantisation', () => {
    const words = ['a', 'b'];
    const vectors = new Float32Array([0.6, 0.8, 0, -1, 0, 0].map((x) => x));
    const back = decodeWordVectors(encodeWordVectors({ words: ['a', 'b'], dim: 3, vectors }));
    expect(back.words).toEqual(words);
    expect(cos(back.vectors.subarray(0, 3), vectors.subarray(0, 3))).toBeGreaterThan(0.9999);
    expect(back.vectors[3]).toBeCloseTo(-1, 5);
  });

  it('given a missing file, then a UserError says where it should be and how to regenerate it', () => {
    const dir = tempDir();
    let err: unknown;
    try {
      loadWordVectors({ root: dir });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as { code: string }).code).toBe('word_vectors_missing');
    expect((err as Error).message).toContain(path.join(dir, DEFAULT_WORD_VECTORS_FILE));
    expect((err as Error).message).toContain('npm run wordvectors');
    expect((err as Error).cause).toBeDefined();
  });

  it('given a truncated file, then a UserError says it is corrupt', () => {
    const dir = tempDir();
    const file = path.join(dir, 'wv.bin');
    fs.writeFileSync(file, fs.readFileSync(path.join(root, DEFAULT_WORD_VECTORS_FILE)).subarray(0, 5000));
    expect(() => loadWordVectors({ root: dir, file: 'wv.bin' })).toThrow(/corrupt \(truncated/);
  });

  it('given EMBEDDING_MODEL=word-vectors without the file, then one warning and lexical mode (null)', async () => {
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: WORD_VECTORS_MODEL, cacheDir: tempDir(), allowRemote: false, logger, root: tempDir() })).resolves.toBeNull();
    expect(calls.warn).toHaveBeenCalledTimes(1);
    expect(String(calls.warn.mock.calls[0]![1])).toMatch(/word-vector file .* is missing.*lexical retrieval only/s);
  });
});

describe('soft term matching', () => {
  const flat = { vectors: wv, idf: () => 1 };
  it('given a paraphrase, then it scores above the exact-term coverage and above an unrelated sentence', () => {
    const q = 'What is the biggest city?';
    const para = softCoverage(q, 'Paris is the largest city in France.', flat);
    expect(para).toBeGreaterThan(0.9);
    expect(softCoverage(q, 'The banana is a yellow fruit.', flat)).toBe(0);
    // exact terms alone: "meetings" of {meetings, begin} = 0.5; "begin" ~ "started" adds ≈ 0.7 of a word
    const began = softCoverage('When did the meetings begin?', 'The high-level meetings started in 1994.', flat);
    expect(began).toBeGreaterThan(0.8);
    expect(softCoverage('When did the meetings begin?', 'The high-level meetings started in 1994.', { ...flat, floor: 1 })).toBeCloseTo(0.5, 5);
  });

  it('given exact terms, then coverage is the IDF-weighted share of question terms held', () => {
    const idf = (t: string) => (t === 'annan' ? 3 : 1);
    expect(softCoverage('Annan council', 'Annan spoke.', { vectors: wv, idf, floor: 0.99 })).toBeCloseTo(3 / 4, 5);
    expect(softCoverage('the of and', 'Annan spoke.', flat)).toBe(0);
  });

  it('given a cosine below the floor, then the word counts as missing', () => {
    // largest ~ biggest ≈ 0.86
    expect(softCoverage('biggest', 'largest', { vectors: wv, idf: () => 1, floor: 0.95 })).toBe(0);
    expect(softCoverage('biggest', 'largest', { vectors: wv, idf: () => 1, floor: 0.5 })).toBeCloseTo(wv.similarity('biggest', 'largest'), 5);
  });

  it('given question words the sentence lacks, then the soft gains split them by whether the documents use the word, and exact matches add nothing', () => {
    const known = (t: string) => t !== 'main';
    const g = softGains('What are the two main challenges?', 'the two principal challenges', { ...flat, known });
    expect(g.oov).toBeGreaterThan(0);
    expect(g.known).toBe(0);
    // "main" ~ "principal" counts as a near match of a word the documents use when they do.
    expect(softGains('What are the two main challenges?', 'the two principal challenges', { ...flat, known: () => true })).toEqual({ oov: 0, known: g.oov });
    expect(softGains('two challenges', 'the two challenges', { ...flat, known })).toEqual({ oov: 0, known: 0 });
    // soft coverage = exact share + gains
    const exact = softCoverage('What are the two main challenges?', 'the two principal challenges', { ...flat, floor: 1 });
    expect(exact + g.oov + g.known).toBeCloseTo(softCoverage('What are the two main challenges?', 'the two principal challenges', flat), 5);
  });

  it('given many more distinct questions than the bound, when soft-matched, then only the latest QUESTION_MEMO_MAX questions are remembered and answers do not change', () => {
    const known = () => true;
    const first = softGains('What are the two main challenges?', 'the two principal challenges', { ...flat, known });
    for (let i = 0; i < QUESTION_MEMO_MAX * 5; i++) softGains(`What are the main challenges (${i})?`, 'the two principal challenges', { ...flat, known });
    expect(rememberedQuestions(wv)).toBe(QUESTION_MEMO_MAX);
    // The first question was dropped; computed again, it is the same.
    expect(softGains('What are the two main challenges?', 'the two principal challenges', { ...flat, known })).toEqual(first);
  });

  it('given an engine embedder id, then only the word-vector embedder gets a soft matcher', () => {
    expect(softMatcherFor('Snowflake/snowflake-arctic-embed-xs', root)).toBeNull();
    expect(softMatcherFor(null, root)).toBeNull();
    const e = createWordVectorEmbedder(wv);
    expect(softMatcherFor(`${e.id} (int8)`, root)?.('biggest city', 'largest city', () => 1)).toBeGreaterThan(0.9);
  });
});

describe('the word-vector embedder', () => {
  it('given passages and a query, then vectors are unit length and a paraphrase is nearest', async () => {
    const e = loadWordVectorEmbedder({ root, logger: spyLogger().logger })!;
    expect(e.dim).toBe(100);
    expect(e.id).toMatch(/^word-vectors:word-vectors-50k\.bin\+terms-v\d+$/);
    const [city, fruit, meeting] = await e.embedPassages(['Paris is the largest city in France.', 'The banana is a yellow fruit.', 'The high-level meetings began in 1994.']);
    const q = await e.embedQuery('Which is the biggest town?');
    expect(cos(q, q)).toBeCloseTo(1, 5);
    expect(cos(q, city!)).toBeGreaterThan(cos(q, fruit!));
    expect(cos(q, city!)).toBeGreaterThan(cos(q, meeting!));
    const q2 = await e.embedQuery('When did the conferences start?');
    expect(cos(q2, meeting!)).toBeGreaterThan(cos(q2, city!));
  });

  it('given a text with no known content word, then the zero vector (no NaN)', async () => {
    const e = createWordVectorEmbedder(wv);
    const v = await e.embedQuery('the of xqzvw');
    expect([...v].every((x) => x === 0)).toBe(true);
  });
});

describe('a word\'s neighbourhood', () => {
  it('given two words, then one is among the other\'s k nearest exactly when fewer than k other words are closer to it', () => {
    // "colossal" ~ "enormous" 0.66: the 4th nearest of "colossal", the 14th of "enormous".
    expect(wv.amongNearest('colossal', 'enormous', 5)).toBe(true);
    expect(wv.amongNearest('colossal', 'enormous', 3)).toBe(false);
    expect(wv.amongNearest('enormous', 'colossal', 15)).toBe(true);
    expect(wv.amongNearest('enormous', 'colossal', 13)).toBe(false);
    expect(wv.amongNearest('enormous', 'colossal', 15)).toBe(true); // remembered, the same
  });

  it('given a word the vectors do not know, then nothing is among its nearest, nor it among another\'s', () => {
    expect(wv.amongNearest('qzxqzxqzx', 'colossal', 25)).toBe(false);
    expect(wv.amongNearest('colossal', 'qzxqzxqzx', 25)).toBe(false);
  });
});

describe('the shipped neighbour floors', () => {
  it('given pairs near and far, then the floors beside the vectors answer "among the 25 nearest" as a scan of the vocabulary does', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(root, DEFAULT_WORD_VECTORS_FILE), path.join(dir, 'vectors.bin'));
    const scan = loadWordVectors({ file: path.join(dir, 'vectors.bin') });
    const pairs = [['enormous', 'colossal'], ['colossal', 'enormous'], ['booze', 'alcohol'], ['alcohol', 'booze'], ['stop', 'even'], ['failed', 'efforts'], ['opponent', 'beating'], ['good', 'bad'], ['film', 'movie'], ['judge', 'corrupt']] as const;
    const answers = pairs.map(([a, b]) => wv.amongNearest(a, b, 25));
    expect(answers).toEqual(pairs.map(([a, b]) => scan.amongNearest(a, b, 25)));
    expect(answers.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(answers.filter((x) => !x).length).toBeGreaterThanOrEqual(3);
  });
});
