/**
 * Round 15 (who13): a quotation that opens its sentence right after an attributed quotation of the same paragraph goes
 * on with that speaker's turn (“It is a miracle, this,” he declared. “There is no aftermath.”).
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { continuedTurn } from '../../src/select/select.js';
import { reportedSpeaker } from '../../src/select/reported.js';
import type { StoredDocument } from '../../src/types.js';

const reported = (doc: StoredDocument, start: number, end: number) => reportedSpeaker(doc.text.slice(start, end), () => 'Selingman');
const sentenceAt = (doc: StoredDocument, words: string) => doc.sentences.find((s) => doc.text.slice(s.start, s.end).includes(words))!;

describe('a quotation that goes on with the turn before it', () => {
  it('given "“…,” he declared. “There is no aftermath.”" in one paragraph, when the second sentence is read, then its speaker is the first one\'s', () => {
    const text = 'Selingman gazed about him with wonder.\n\n"It is a miracle, this," he declared. "There is no aftermath."\n';
    const doc = buildDocument({ id: 'd', path: 'd', text });
    expect(continuedTurn(doc, sentenceAt(doc, 'aftermath').start, reported)?.speaker).toBe('Selingman');
  });

  it('given the quotation opens a new paragraph, when read, then it is no one\'s turn from before', () => {
    const text = 'Selingman gazed about him with wonder.\n\n"It is a miracle, this," he declared.\n\n"There is no aftermath."\n';
    const doc = buildDocument({ id: 'd', path: 'd', text });
    expect(continuedTurn(doc, sentenceAt(doc, 'aftermath').start, reported)).toBeNull();
  });

  it('given narration before it in the paragraph, when read, then it is no one\'s turn from before', () => {
    const text = 'Selingman gazed about him. He said it was over. "There is no aftermath."\n';
    const doc = buildDocument({ id: 'd', path: 'd', text });
    expect(continuedTurn(doc, sentenceAt(doc, 'aftermath').start, reported)).toBeNull();
  });
});
