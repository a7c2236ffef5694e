/**
 * Show context / ◀ ▶ clicks without a client: an id that points past the documents or past a document's text
 * (stale or forged, with the current fingerprint) is "this button has expired", never a crash or a wrong paragraph.
 */
import { describe, expect, it } from 'vitest';
import { handleButton } from '../../src/discord/buttons.js';
import { encodeCustomId } from '../../src/discord/custom-ids.js';
import { EXPIRED_BUTTON } from '../../src/discord/errors.js';
import { UserError } from '../../src/errors.js';

const FP = 'abcdef01';
const doc = { id: 'documents/x.txt', title: 'X', text: 'First paragraph.\n\nSecond paragraph.' };

function click(action: { kind: 'context' | 'page'; doc: number; paragraph: number; start: number; end: number }) {
  const shown: unknown[] = [];
  const interaction = {
    customId: encodeCustomId({ ...action, fp: FP }),
    reply: async (p: unknown) => void shown.push(p),
    update: async (p: unknown) => void shown.push(p),
  };
  const ctx = {
    render: () => ({ fp: FP, docs: [{ id: doc.id, title: doc.title }] }),
    engine: {
      documents: () => [doc],
      paragraph: (_doc: string, n: number) => ({ doc: doc.id, title: doc.title, paragraph: { n, kind: 'body', start: 0, end: 16 }, text: 'First paragraph.', prev: null, next: 2 }),
    },
  };
  return { shown, done: handleButton(interaction as never, ctx as never) };
}

describe('Show context buttons', () => {
  it('given a button for a document index that does not exist, when clicked, then "this button has expired" and nothing is shown', async () => {
    const { shown, done } = click({ kind: 'context', doc: 1, paragraph: 1, start: 0, end: 5 });
    await expect(done).rejects.toSatisfy((e) => e instanceof UserError && e.message === EXPIRED_BUTTON);
    expect(shown).toEqual([]);
  });

  it('given a button whose quote ends past the document text, when ▶ is clicked, then "this button has expired" and nothing is shown', async () => {
    const { shown, done } = click({ kind: 'page', doc: 0, paragraph: 1, start: 0, end: doc.text.length + 1 });
    await expect(done).rejects.toSatisfy((e) => e instanceof UserError && e.message === EXPIRED_BUTTON);
    expect(shown).toEqual([]);
  });
});
