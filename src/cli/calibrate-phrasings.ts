/**
 * Candidate sentences of our own tuning phrasings (test/fixtures/phrasings/),
 * labelled for fitting the sentence model beside SQuAD's tuning articles
 * (`npm run calibrate -- --fit --phrasings natural-tune,tune`): SQuAD's
 * questions were written from the text, these are asked the way people ask
 * (paraphrased, lower case, typos), so the fitted threshold reflects both.
 *
 * A question expected to be answered from ¶N (`q:N|M`) labels the sentences of
 * those paragraphs 1 and every other candidate 0; one the document cannot
 * answer (`refuse`) labels every candidate 0. Other expectations (quote and
 * summary requests, who-said, chit-chat), attribution questions ("what did X
 * say about Y", decided by the claim check) and conversations (`after`) are
 * not sentence-model questions and are skipped. Held-out sets are refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { createEngine } from '../engine/index.js';
import { silentLogger } from '../log.js';
import type { Question } from '../select/fit.js';
import { UserError } from '../errors.js';

interface Phrasing {
  doc: string;
  q: string;
  expect: string;
  after?: string[];
}

const DEFAULT_DOC = 'documents/un-news-annan-regional-cooperation.txt';
const docPath = (root: string, doc: string) => path.join(root, doc === 'default' ? DEFAULT_DOC : path.join('test/fixtures/coqa-cnn', `${doc}.txt`));

/** The labels of one phrasing's candidates, or null when it is not a sentence-model question. */
export function labelOf(p: Phrasing): ((paragraph: number) => 0 | 1) | null {
  if (p.after?.length) return null;
  if (p.expect === 'refuse') return () => 0;
  const m = /^q:([\d|]+)$/.exec(p.expect);
  if (!m) return null;
  const wanted = new Set(m[1]!.split('|').map(Number));
  return (paragraph) => (wanted.has(paragraph) ? 1 : 0);
}

/**
 * @example
 * const questions = await phrasingQuestions(config, root, ['natural-tune'], true);
 */
export async function phrasingQuestions(config: Config, root: string, sets: string[], softMatch: boolean): Promise<Question[]> {
  const out: Question[] = [];
  for (const set of sets) {
    if (/heldout/i.test(set) || !/^[\w-]+$/.test(set)) throw new UserError(`--phrasings takes tuning sets only (e.g. natural-tune,tune), not "${set}"`, { code: 'bad_phrasing_set' });
    const lines = (await readFile(path.join(root, 'test/fixtures/phrasings', `${set}.jsonl`), 'utf8')).split('\n').filter((l) => l.trim());
    const engines = new Map<string, Awaited<ReturnType<typeof createEngine>>>();
    let label: ((paragraph: number) => 0 | 1) | null = null;
    for (const p of lines.map((l) => JSON.parse(l) as Phrasing)) {
      label = labelOf(p);
      if (!label) continue;
      let engine = engines.get(p.doc);
      if (!engine) {
        const text = await readFile(docPath(root, p.doc), 'utf8');
        engine = await createEngine({
          config,
          logger: silentLogger(),
          embedder: null,
          documents: [{ id: p.doc, path: p.doc, text }],
          refusalThreshold: 0,
          softMatch,
          idleWork: false,
          onSelection: (u, sel) => {
            // Who-said and said-about questions are decided by the claim check (src/decide/claim.ts), not this model.
            if (label && !u.said) out.push(sel.ranked.map((c) => ({ f: c.features, y: label!(c.paragraph) })));
          },
        });
        engines.set(p.doc, engine);
      }
      await engine.ask(p.q);
    }
  }
  return out;
}
