import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/document.js';
import { parseEvalJsonl } from '../../src/eval/format.js';
import { formatJsonReport, formatTable } from '../../src/eval/report.js';
import { runEval, shortestQuotedSentence, type EvalEngine, type SystemName, type TurnDetail } from '../../src/eval/run.js';
import type { Answer, Chunk, Conversation, Passage, Quote, StoredDocument } from '../../src/types.js';

const TEXT = 'Anna lives in Paris. She has a red bicycle.\n\nHer brother Tom lives in Rome. Tom is tall.';
//            0         1         2         3         4           5         6         7         8
// ¶1 = [0, 43), ¶2 = [45, 88)

/** A hand-built stored document (sentences split on ". "), so the runner is tested without the real engine. */
function storedDoc(id: string, text: string): StoredDocument {
  const paragraphs: StoredDocument['paragraphs'] = [];
  const sentences: StoredDocument['sentences'] = [];
  let n = 0;
  for (const m of text.matchAll(/[^\n]+/g)) {
    n++;
    paragraphs.push({ start: m.index!, end: m.index! + m[0].length, n, kind: 'body' });
    for (const s of m[0].matchAll(/[^.]+\.\s?/g)) {
      const start = m.index! + s.index!;
      sentences.push({ start, end: start + s[0].trimEnd().length, paragraph: n });
    }
  }
  return { id, path: id, title: id, text, hash: 'h', paragraphs, sentences };
}

const chunkOf = (doc: StoredDocument, n: number): Chunk => {
  const p = doc.paragraphs[n - 1];
  return { id: `${doc.id}#c${n}`, docId: doc.id, paragraph: n, start: p.start, end: p.end, sentences: [] };
};

/**
 * A scripted engine: retrieval returns the given paragraphs; ask quotes the
 * sentence containing the first word of the script's answer for the question,
 * or refuses. Records every call.
 */
function fakeEngine(source: Source, script: Record<string, { readonly retrieve: readonly number[]; readonly quote?: string; readonly invalid?: boolean }>, calls: { ask: { q: string; conv: Conversation | undefined; turnsBefore: number }[]; retrieve: string[] }): EvalEngine {
  const doc = storedDoc(source.id, source.text);
  return {
    documents: () => [doc],
    async retrieve(question: string, _conv?: Conversation, k = 5): Promise<Passage[]> {
      calls.retrieve.push(question);
      return (script[question]?.retrieve ?? []).slice(0, k).map((n, i) => ({ chunk: chunkOf(doc, n), score: 1 / (i + 1), rank: i + 1 }));
    },
    async ask(question: string, conv?: Conversation): Promise<Answer> {
      calls.ask.push({ q: question, conv, turnsBefore: conv?.turns.length ?? 0 });
      const s = script[question];
      let answer: Answer;
      if (!s?.quote) answer = { question, lead: "The document doesn't say.", quotes: [], refused: true, reason: 'low-confidence' };
      else {
        const start = doc.text.indexOf(s.quote);
        const quote: Quote = { doc: doc.id, paragraph: 1, start, end: start + s.quote.length, quote: s.invalid ? s.quote.toUpperCase() : s.quote };
        answer = { question, lead: 'The document says:', quotes: [quote], refused: false };
      }
      conv?.turns.push({ question, standalone: question, answer, at: 0 });
      return answer;
    },
  };
}

const FILE = [
  JSON.stringify({ type: 'document', id: 'd1', text: TEXT }),
  JSON.stringify({
    id: 'c1',
    document: { id: 'd1' },
    meta: { source: 'cnn' },
    turns: [
      { question: 'where does Anna live?', answers: ['Paris'], evidence: ['Anna lives in Paris.'], scored: false },
      { question: 'what color is her bicycle?', answers: ['red'], evidence: [{ start: 21, end: 43 }] },
    ],
  }),
  JSON.stringify({ id: 'c2', document: { id: 'd1' }, meta: { source: 'race' }, turns: [{ question: 'where does Tom live?', answers: ['Rome'], evidence: ['Tom lives in Rome'] }] }),
  JSON.stringify({ id: 'c3', document: { id: 'd1' }, meta: { source: 'race' }, turns: [{ question: 'how old is Tom?', answers: ['unknown'], evidence: [], unanswerable: true }] }),
  JSON.stringify({ id: 'c4', document: { text: 'Other text. Nothing here.' }, meta: { source: 'cnn' }, turns: [{ question: 'anything?', answers: ['nothing'], evidence: ['Nothing here.'] }] }),
].join('\n');

const SCRIPT = {
  good: {
    'where does Anna live?': { retrieve: [1], quote: 'Anna lives in Paris.' },
    'what color is her bicycle?': { retrieve: [2, 1], quote: 'She has a red bicycle.' }, // evidence at rank 2
    'where does Tom live?': { retrieve: [2], quote: 'Her brother Tom lives in Rome.' },
    'how old is Tom?': { retrieve: [2] }, // refuses: correct
    'anything?': { retrieve: [1], quote: 'Nothing here.' },
  },
  bad: {
    'where does Anna live?': { retrieve: [2] },
    'what color is her bicycle?': { retrieve: [2], quote: 'Tom is tall.' }, // wrong paragraph, wrong answer
    'where does Tom live?': { retrieve: [1] }, // refuses an answerable question
    'how old is Tom?': { retrieve: [2], quote: 'Tom is tall.', invalid: true }, // answers the unanswerable, with an invalid quote
    'anything?': { retrieve: [1], quote: 'Other text.' },
  },
} as const;

async function runScripted(systems: SystemName[] = ['bm25', 'vector', 'hybrid'], k = 1) {
  const calls = { ask: [] as { q: string; conv: Conversation | undefined; turnsBefore: number }[], retrieve: [] as string[] };
  const built: string[] = [];
  const details: TurnDetail[] = [];
  let t = 0;
  const report = await runEval({
    file: parseEvalJsonl(FILE, 't.jsonl'),
    k,
    systems,
    resolveDocument: async (ref) => ('id' in ref ? { id: ref.id, path: ref.id, text: TEXT } : { id: 'inline', path: 'inline', text: (ref as { text: string }).text }),
    makeEngine: async (system, docs) => {
      built.push(`${system}:${docs.map((d) => d.id).join(',')}`);
      if (system === 'vector') return null; // no model
      return fakeEngine(docs[0], system === 'bm25' ? SCRIPT.good : SCRIPT.bad, calls);
    },
    onDetail: (d) => details.push(d),
    clock: () => (t += 5), // every ask takes 5 "ms"
  });
  return { report, calls, built, details };
}

describe('runEval', () => {
  it('given conversations over two documents, when run, then one engine is built per document and system and reused across its conversations', async () => {
    const { built } = await runScripted();
    expect(built).toEqual(['bm25:d1', 'vector:d1', 'hybrid:d1', 'bm25:inline', 'vector:inline', 'hybrid:inline']);
  });

  it('given a conversation with an unscored history turn, when run, then every turn is asked in order on one conversation but only scored turns count', async () => {
    const { report, calls } = await runScripted(['bm25']);
    expect(report.n).toBe(4);
    const c1 = calls.ask.slice(0, 2);
    expect(c1.map((c) => c.q)).toEqual(['where does Anna live?', 'what color is her bicycle?']);
    expect(c1[0].conv).toBe(c1[1].conv);
    expect(c1[1].turnsBefore).toBe(1);
    expect(calls.retrieve).not.toContain('where does Anna live?'); // unscored turns are not retrieved
  });

  it('given a perfect system, when scored, then recall, evidence-in-answer, F1/EM, refusals and validity are as hand-computed', async () => {
    const { report } = await runScripted(['bm25'], 1);
    const m = report.systems.bm25!;
    // answerable scored: bicycle (evidence at rank 2 → miss at k=1), Tom (hit), anything (hit)
    expect(m.evidenceRecallAtK).toBeCloseTo(2 / 3, 10);
    expect(m.evidenceInAnswer).toBe(1);
    // predictions: "She has a red bicycle." vs "red" → F1 2·(1/4·1)/(1/4+1) = 0.4; "Her brother Tom lives in Rome." vs "Rome" → 2·(1/6)/(7/6) = 2/7; "Nothing here." vs "nothing" → 2·(1/2)/(3/2) = 2/3
    expect(m.f1).toBeCloseTo((0.4 + 2 / 7 + 2 / 3) / 3, 10);
    expect(m.em).toBe(0);
    expect(m.refusalPrecision).toBe(1);
    expect(m.refusalRecall).toBe(1);
    expect(m.quoteValidity).toBe(1);
    expect(formatJsonReport('tiny', report).systems.bm25!.refused).toBe(0.25); // the one unanswerable turn of four
    expect(m.p50Ms).toBe(5);
    expect(m.p95Ms).toBe(5);
    expect((await runScripted(['bm25'], 2)).report.systems.bm25!.evidenceRecallAtK).toBe(1);
  });

  it('given a bad system, when scored, then misses, false refusals, answered unanswerables and invalid quotes all show', async () => {
    const { report } = await runScripted(['hybrid'], 5);
    const m = report.systems.hybrid!;
    expect(m.evidenceRecallAtK).toBeCloseTo(1 / 3, 10); // bicycle retrieves ¶2 only: miss; Tom retrieves ¶1: miss; anything: hit
    expect(m.evidenceInAnswer).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.refusalPrecision).toBe(0); // refused "where does Tom live?" which is answerable
    expect(m.refusalRecall).toBe(0); // answered "how old is Tom?"
    expect(m.quoteValidity).toBeCloseTo(2 / 3, 10); // 3 quotes given, one not verbatim
    expect(report.quotes.hybrid).toEqual({ checked: 3, invalid: 1 });
  });

  it('given a system that cannot run, when reported, then its metrics are null and the JSON has exactly the documented shape', async () => {
    const { report } = await runScripted();
    expect(report.systems.vector).toBeNull();
    const json = formatJsonReport('tiny', report);
    expect(Object.keys(json)).toEqual(['dataset', 'n', 'k', 'systems', 'breakdown']);
    expect(Object.keys(json.systems)).toEqual(['bm25', 'vector', 'hybrid']);
    expect(Object.keys(json.systems.bm25!)).toEqual(['evidenceRecallAtK', 'evidenceInAnswer', 'f1', 'em', 'refusalPrecision', 'refusalRecall', 'refused', 'quoteValidity', 'p50Ms', 'p95Ms']);
    for (const v of Object.values(json.systems.bm25!).slice(0, 8)) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    expect(json.breakdown['source=cnn'].n).toBe(2);
    expect(json.breakdown['source=race'].systems.bm25!.refusalRecall).toBe(1);
    expect(json.breakdown['source=race'].systems.vector).toBeNull();
  });

  it('given a report, when rendered as a table, then every group and system has a row and an invalid quote is flagged', async () => {
    const { report } = await runScripted();
    const table = formatTable('tiny', report, { model: null, warnings: ['no model'] });
    expect(table).toMatch(/\| all\s+\| bm25\s+\| 4 \|/);
    expect(table).toMatch(/\| source=cnn\s+\| vector\s+\| 2 \| +— \|/);
    expect(table).toMatch(/FAILED/);
    expect(table).toMatch(/Warning: no model/);
  });

  it('given per-question details, when emitted, then they carry question, gold, retrieved chunk ids, answer and citations', async () => {
    const { details } = await runScripted(['bm25'], 2);
    const d = details.find((x) => x.question === 'what color is her bicycle?')!;
    expect(d.retrieved.map((r) => r.id)).toEqual(['d1#c2', 'd1#c1']);
    expect(d.gold).toEqual({ answers: ['red'], unanswerable: false, evidence: [{ start: 21, end: 43 }], unresolvedEvidence: 0 });
    expect(d.answer.quotes[0]).toMatchObject({ quote: 'She has a red bicycle.', valid: true });
    expect(d.prediction).toBe('She has a red bicycle.');
    expect(d.evidenceHit).toBe(true);
  });
});

describe('shortestQuotedSentence', () => {
  it('given a multi-sentence quote, when choosing the prediction, then the shortest sentence inside the quotes wins', () => {
    const doc = storedDoc('d', TEXT);
    const docs = new Map([['d', doc]]);
    const q = (start: number, end: number): Quote => ({ doc: 'd', paragraph: 1, start, end, quote: TEXT.slice(start, end) });
    expect(shortestQuotedSentence([q(0, 43)], docs)).toBe('Anna lives in Paris.');
    expect(shortestQuotedSentence([q(0, 43), q(76, 88)], docs)).toBe('Tom is tall.');
    expect(shortestQuotedSentence([], docs)).toBe('');
  });
});

describe('runEval --history gold', () => {
  it("given an earlier turn the engine refused, when the history is gold, then the scored turn is asked in a conversation holding the dataset's answer", async () => {
    const seen: string[] = [];
    const file = parseEvalJsonl(FILE, 't.jsonl');
    const run = (history: 'engine' | 'gold') =>
      runEval({
        file: { documents: file.documents, conversations: file.conversations.filter((c) => c.id === 'c1') },
        k: 1,
        systems: ['bm25'],
        history,
        resolveDocument: async (ref) => ({ id: (ref as { id: string }).id, path: 'd1', text: TEXT }),
        makeEngine: async (_s, docs) => {
          const calls = { ask: [] as { q: string; conv: Conversation | undefined; turnsBefore: number }[], retrieve: [] as string[] };
          const engine = fakeEngine(docs[0], SCRIPT.bad, calls);
          return {
            ...engine,
            ask: async (q: string, conv?: Conversation) => {
              if (q === 'what color is her bicycle?') seen.push(`${history}:${conv?.turns[0]?.answer.refused ? 'refused' : conv?.turns[0]?.answer.quotes[0]?.quote}`);
              return engine.ask(q, conv);
            },
          };
        },
      });
    await run('engine');
    await run('gold');
    expect(seen).toEqual(['engine:refused', 'gold:Anna lives in Paris.']);
  });
});
