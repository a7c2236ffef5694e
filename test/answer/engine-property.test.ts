import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { capturingLogger } from '../helpers/capture-logger.js';
import type { Conversation } from '../../src/types.js';
import { ROOT } from '../helpers/paths.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);

// News-like generated documents: names, quotes (curly and straight), abbreviations, odd Unicode.
const name = fc.constantFrom('Mr. Annan', 'Ms. Okafor', 'Dr. Lee', 'the minister', 'U.N. officials', 'Amina', 'Jean-Luc');
const word = fc.constantFrom('budget', 'council', 'peace', 'water', 'schools', 'talks', 'región', 'naïve', 'Ωmega', 'e.g.', '@everyone', '<@123>', 'vote', '1994', '15-member', 'headquarters', 'emoji🙂', 'zero\u200bwidth', 'rtl\u202eword');
const clause = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => w.join(' '));
const sentence = fc.oneof(
  fc.tuple(name, clause).map(([n, c]) => `${n} said the ${c}.`),
  fc.tuple(clause, name).map(([c, n]) => `“The ${c},” ${n} told the Council.`),
  fc.tuple(clause, name).map(([c, n]) => `"${c[0]!.toUpperCase()}${c.slice(1)}," said ${n}.`),
  fc.tuple(name, clause).map(([n, c]) => `${n} called for a “${c}” in the region.`),
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const doc = fc.array(paragraph, { minLength: 1, maxLength: 7 }).map((ps) => ['Site tagline', 'A generated headline', ...ps].join('\n\n'));

describe('every quote the engine emits on generated documents is verbatim', () => {
  it('given any generated news-like document and questions drawn from it, when answered (lexical and hybrid, with follow-ups), then every quote equals text.slice(start, end) and the verifier never had to drop one', async () => {
    await fc.assert(
      fc.asyncProperty(doc, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean(), async (text, picks, withVectors) => {
        // The engine drops a non-verbatim quote before returning it, so returned quotes are always verbatim:
        // what can fail is the count of quotes the verifier had to drop (each is logged as a bug).
        const { logger, dropped } = capturingLogger();
        const engine = await createEngine({ config, logger, embedder: withVectors ? hashEmbedder() : null, documents: [{ id: 'gen.txt', path: 'gen.txt', text }] });
        const words = text.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w));
        const c: Conversation = { id: 'p', turns: [] };
        const questions = [
          ...picks.map((p) => `What about ${words[p % words.length]} and ${words[(p * 7) % words.length]}?`),
          'What did the minister tell the Council?',
          'Who said that?',
          'what else?',
        ];
        for (const q of questions) {
          const a = await engine.ask(q, c);
          for (const quote of a.quotes) expect(text.slice(quote.start, quote.end)).toBe(quote.quote);
        }
        for (const q of await engine.quotations()) expect(text.slice(q.start, q.end)).toBe(q.quote);
        for (const q of (await engine.summarize({ length: 'long' })).summary) expect(text.slice(q.start, q.end)).toBe(q.quote);
        expect(dropped()).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
