/**
 * Thumbs-down feedback → `npm run eval` JSONL, so an operator turns
 * complaints into test cases. One conversation per complaint: the turns
 * asked before it (not scored; they make follow-ups resolvable) and the
 * complained-about question, scored.
 *
 * The bot cannot know the right answer, so the scored turn carries no gold
 * yet: the operator fills in `answers`/`evidence` (or `"unanswerable": true`)
 * — `meta` says what the bot did (answered or refused, which ¶ it quoted) and
 * which message it was.
 *
 * @example
 * exportFeedback(await feedback.list({ rating: -1 }), { root: '/srv/verbatim' });
 * // → ['{"id":"feedback-3","document":{"path":"/srv/verbatim/documents/a.txt"},"meta":{…},"turns":[…]}']
 */
import path from 'node:path';
import type { FeedbackRecord } from './feedback.js';

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** JSONL lines (without newlines), one per record that names a document. */
export function exportFeedback(records: readonly FeedbackRecord[], opts: { root: string }): string[] {
  const lines: string[] = [];
  for (const r of records) {
    // The document the answer quoted; a refusal quoted none, so the first one the bot answered from.
    const doc = r.answer.quotes[0]?.doc ?? r.documents[0];
    if (!doc) continue;
    const history = r.conversation.map((t) => ({ question: t.question, answers: [], evidence: [], scored: false }));
    lines.push(
      JSON.stringify({
        id: `feedback-${r.id}`,
        document: { path: isUrl(doc) ? doc : path.resolve(opts.root, doc) },
        meta: {
          source: 'feedback',
          rating: r.rating > 0 ? 'up' : 'down',
          bot: r.answer.refused ? 'refused' : 'answered',
          quoted: [...new Set(r.answer.quotes.map((q) => `¶${q.paragraph}`))].join(' ') || 'nothing',
          message: r.messageId,
        },
        turns: [...history, { question: r.question, answers: [], evidence: [] }],
      }),
    );
  }
  return lines;
}
