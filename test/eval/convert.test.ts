import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { convertAbgCoqa, convertSquad } from '../../src/eval/convert.js';
import { limitScoredTurns, parseEvalJsonl, toJsonl, type EvalConversation, type EvalDocumentLine } from '../../src/eval/format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => JSON.parse(readFileSync(path.join(here, 'fixtures', name), 'utf8'));
const roundTrip = (lines: ReturnType<typeof convertSquad>) => parseEvalJsonl(lines.map(toJsonl).join('\n') + '\n', 'fixture.jsonl');

describe('convertSquad', () => {
  const lines = convertSquad(fixture('squad-tiny.json'));
  const docs = lines.filter((l): l is EvalDocumentLine => 'type' in l && l.type === 'document');
  const convs = lines.filter((l): l is EvalConversation => !('type' in l && l.type === 'document'));

  it('given a SQuAD file, when converted, then each article is one document of its paragraphs joined by a blank line', () => {
    expect(docs.map((d) => d.id)).toEqual(['squad/Super_Bowl_50', 'squad/Warsaw']);
    const sb = docs[0] as EvalDocumentLine & { text: string };
    expect(sb.title).toBe('Super Bowl 50');
    expect(sb.text).toBe(
      'Super Bowl 50 was an American football game. The Denver Broncos defeated the Carolina Panthers 24–10.\n\nThe game was played at Levi\'s Stadium in Santa Clara, California.',
    );
  });

  it('given answers in later paragraphs, when converted, then evidence offsets are shifted so the article text slices to each answer', () => {
    const text = new Map(docs.map((d) => [d.id, (d as { text: string }).text]));
    for (const c of convs) {
      const t = c.turns[0];
      const doc = text.get((c.document as { id: string }).id)!;
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const e of t.evidence) expect(t.answers).toContain(doc.slice((e as { start: number }).start, (e as { end: number }).end));
    }
    const q3 = convs.find((c) => c.id === 'q3')!;
    const p1 = fixture('squad-tiny.json').data[0].paragraphs[0].context as string;
    expect(p1.length).toBe(101);
    expect(q3.turns[0].evidence).toEqual([{ start: 101 + 2 + 54, end: 101 + 2 + 64 }]);
  });

  it('given duplicate gold answers, when converted, then answers and spans are de-duplicated but all distinct golds kept', () => {
    const q1 = convs.find((c) => c.id === 'q1')!.turns[0];
    expect(q1.answers).toEqual(['Denver Broncos', 'The Denver Broncos']);
    expect(q1.evidence).toEqual([
      { start: 49, end: 63 },
      { start: 45, end: 63 },
    ]);
  });

  it('given several articles, when converted, then questions come round-robin across articles (so --limit samples them all)', () => {
    expect(convs.map((c) => c.id)).toEqual(['q1', 'w1', 'q2', 'q3']);
  });

  it('given the converted lines, when parsed as JSONL, then they validate and reference declared documents', () => {
    const parsed = roundTrip(lines);
    expect(parsed.conversations).toHaveLength(4);
    expect(parsed.documents.size).toBe(2);
  });

  it('given an answer whose offset does not match its text, when converted, then a UserError names the question', () => {
    const bad = fixture('squad-tiny.json');
    bad.data[1].paragraphs[0].qas[0].answers[0].answer_start = 3;
    expect(() => convertSquad(bad)).toThrow(UserError);
    expect(() => convertSquad(bad)).toThrow(/w1/);
    expect(() => convertSquad({ data: [{ title: 1 }] })).toThrow(/Not a SQuAD v1.1 file/);
  });
});

describe('convertAbgCoqa', () => {
  const lines = convertAbgCoqa(fixture('abg-coqa-tiny.json'));
  const docs = lines.filter((l): l is EvalDocumentLine => 'type' in l && l.type === 'document');
  const convs = lines.filter((l): l is EvalConversation => !('type' in l && l.type === 'document'));

  it('given items sharing a story, when converted, then the story is one document referenced by both conversations', () => {
    expect(docs.map((d) => d.id)).toEqual(['coqa/story1', 'coqa/story2']);
    expect(convs.map((c) => (c.document as { id: string }).id)).toEqual(['coqa/story1', 'coqa/story1', 'coqa/story2']);
  });

  it('given history turns, when converted, then they become earlier unscored turns and the target turn is scored with its rationale span', () => {
    const c = convs[0];
    expect(c.turns.map((t) => t.question)).toEqual(['where does Anna live?', 'what does she have?', 'what color is it?']);
    expect(c.turns.map((t) => t.scored)).toEqual([false, false, undefined]);
    expect(c.turns[1].evidence).toEqual([' She has a red bicycle']);
    expect(c.turns[2]).toEqual({ question: 'what color is it?', answers: ['red'], evidence: [{ start: 21, end: 43 }] });
  });

  it('given an "unknown" target answer, when converted, then the turn is unanswerable with no evidence', () => {
    const t = convs[1].turns.at(-1)!;
    expect(t.unanswerable).toBe(true);
    expect(t.evidence).toEqual([]);
  });

  it('given source and ambiguity, when converted, then they are kept as meta for the breakdown', () => {
    expect(convs.map((c) => c.meta)).toEqual([
      { source: 'cnn', ambiguity: 'non_ambiguous' },
      { source: 'cnn', ambiguity: 'ambiguous' },
      { source: 'mctest', ambiguity: 'non_ambiguous' },
    ]);
    expect(roundTrip(lines).conversations).toHaveLength(3);
  });
});

describe('parseEvalJsonl and limitScoredTurns', () => {
  it('given a bad line, when parsed, then a UserError names the file, the line and the field', () => {
    const ok = '{"id":"a","document":{"text":"Hi."},"turns":[{"question":"q?","answers":["x"],"evidence":[]}]}';
    expect(() => parseEvalJsonl(`${ok}\n{oops`, 'f.jsonl')).toThrow(/^f\.jsonl:2: not valid JSON/);
    expect(() => parseEvalJsonl(`${ok}\n\n{"id":"b","document":{"text":"x"},"turns":[{"question":""}]}`, 'f.jsonl')).toThrow(/^f\.jsonl:3: turns\.0\.question: question is empty/);
    expect(() => parseEvalJsonl('{"id":"b","document":{"id":"nope"},"turns":[{"question":"q"}]}', 'f.jsonl')).toThrow(/document "nope" is not declared/);
    expect(() => parseEvalJsonl(`${ok}\n${ok}`, 'f.jsonl')).toThrow(/used twice/);
    expect(() => parseEvalJsonl('{"id":"b","document":{"text":"x"},"turns":[{"question":"q","evidence":[{"start":5,"end":2}]}]}')).toThrow(/end must be > start/);
    expect(() => parseEvalJsonl('\n\n', 'empty.jsonl')).toThrow(/no conversations/);
  });

  it('given a limit, when applied, then exactly the first N scored turns are kept, with the unscored turns before them', () => {
    const convs = convertAbgCoqa(fixture('abg-coqa-tiny.json')).filter((l): l is EvalConversation => !('type' in l));
    const one = limitScoredTurns(convs, 1);
    expect(one).toHaveLength(1);
    expect(one[0].turns).toHaveLength(3);
    const two = limitScoredTurns(convs, 2);
    expect(two.map((c) => c.id)).toEqual(['story1|3|2', 'story1|4|2']);
    expect(limitScoredTurns(convs, 99)).toEqual(convs);
    expect(limitScoredTurns(convs)).toBe(convs);
  });
});
