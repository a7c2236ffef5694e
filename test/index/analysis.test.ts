/**
 * The documents' analysis stored beside the index: computed once per build
 * and document set, then read back instead of tagging — the same speaker
 * tables, entities and phrase tags the code computes — and never trusted
 * across builds, from a damaged file, or without a build (run from source).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ANALYSIS_FILE, openAnalysis, type AnalysisDeps } from '../../src/index/analysis.js';
import { rememberTags, taggedPhrases, type PhraseTags } from '../../src/quotes/names.js';
import { speakerTable } from '../../src/quotes/index.js';
import { entitiesOf, type Entities } from '../../src/select/entities.js';
import { useLexicalEngine } from '../helpers/lexical-engine.js';

const lexical = useLexicalEngine();

function deps(dir: string, build: string | null) {
  const remembered: [string, Entities][] = [];
  const tags: [string, PhraseTags][] = [];
  const d = {
    dir,
    documents: lexical.engine.documents(),
    quoterVersion: 'q1',
    logger: { debug: vi.fn(), info: vi.fn() },
    speakerTable: vi.fn(speakerTable),
    entitiesOf: vi.fn(entitiesOf),
    rememberEntities: vi.fn((e: [string, Entities][]) => void remembered.push(...e)),
    taggedPhrases: vi.fn(taggedPhrases),
    rememberTags: vi.fn((e: [string, PhraseTags][]) => void tags.push(...e)),
    build,
  } satisfies AnalysisDeps;
  return { d, remembered, tags };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-analysis-'));

describe('openAnalysis', () => {
  it('given no stored analysis, when opened twice with the same build, then the first computes and stores it and the second reads the same back without tagging', async () => {
    const dir = tmp();
    const first = deps(dir, 'build-1');
    const a = await openAnalysis(first.d);
    expect(first.d.speakerTable).toHaveBeenCalledTimes(first.d.documents.length);
    expect(fs.existsSync(path.join(dir, ANALYSIS_FILE))).toBe(true);
    const second = deps(dir, 'build-1');
    const b = await openAnalysis(second.d);
    expect(second.d.speakerTable).not.toHaveBeenCalled();
    expect(second.d.entitiesOf).not.toHaveBeenCalled();
    expect(b).toEqual(a);
    expect(b!.speakers[0]!.entries.some((e) => e.canonical === 'Kofi Annan')).toBe(true);
    const doc = first.d.documents[0]!;
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(second.remembered.map(([t]) => t)).toEqual(sentences);
    expect(second.remembered.map(([, e]) => e)).toEqual(sentences.map((t) => entitiesOf(t)));
    expect(second.tags.length).toBeGreaterThan(0);
    expect(second.tags).toEqual(taggedPhrases().filter(([p]) => second.tags.some(([q]) => q === p)));
  });

  it('given an analysis stored by another build, when opened, then it is computed afresh', async () => {
    const dir = tmp();
    await openAnalysis(deps(dir, 'build-1').d);
    const other = deps(dir, 'build-2');
    await openAnalysis(other.d);
    expect(other.d.speakerTable).toHaveBeenCalled();
    expect(other.d.rememberEntities).not.toHaveBeenCalled();
  });

  it('given a damaged analysis file, when opened, then it is computed afresh without an error', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, ANALYSIS_FILE), '{"key": "trunc');
    const r = deps(dir, 'build-1');
    await expect(openAnalysis(r.d)).resolves.not.toBeNull();
    expect(r.d.speakerTable).toHaveBeenCalled();
  });

  it('given no build (run from source), when opened, then nothing is computed or stored', async () => {
    const dir = tmp();
    const r = deps(dir, null);
    await expect(openAnalysis(r.d)).resolves.toBeNull();
    expect(r.d.speakerTable).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dir, ANALYSIS_FILE))).toBe(false);
  });

  it('given remembered phrase tags, then the tagger answers from them', () => {
    rememberTags([['Zqxwv', { ...taggedPhrases()[0]![1], person: true }]]);
    expect(taggedPhrases().find(([p]) => p === 'Zqxwv')?.[1].person).toBe(true);
  });
});
