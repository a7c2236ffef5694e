/**
 * The conversational half of `npm run calibrate`: fits how much what a
 * conversation established counts (src/select/conversation.json) on
 * Abg-CoQA's tuning stories, and measures gold-in-answer on the held-out
 * stories, which are never used for fitting. Stories are split by a hash of
 * their id (even → tuning, odd → held-out).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { createEngine } from '../engine/index.js';
import { withEstablished } from '../decide/conversation.js';
import { parseEvalJsonl, type EvalConversation } from '../eval/format.js';
import { containsAnswer, resolveEvidence } from '../eval/metrics.js';
import { recordGoldAnswer } from '../eval/gold-history.js';
import { silentLogger } from '../log.js';
import { answerProbability, CONVERSATION_WEIGHTS, type ConversationWeights } from '../select/conversation.js';
import { fitOffset, type OffsetExample } from '../select/fit.js';
import { logit, SOFT_WEIGHTS, WEIGHTS, type Weights } from '../select/model.js';
import type { Scored, Selection } from '../select/select.js';
import type { Conversation } from '../types.js';
import { ROOT } from './common.js';

type Split = 'tune' | 'heldout';

/** Stable split of stories: a hash of the document id. */
export function storySplit(id: string): Split {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 2 === 0 ? 'tune' : 'heldout';
}

interface Turn {
  candidates: { c: Scored; y: 0 | 1 }[];
  unanswerable: boolean;
  /** The question's own terms (src/decide/conversation.ts). */
  ownTerms: number;
  last?: { doc: string; start: number; end: number };
  adjacent?: boolean;
  /** A question about another story, asked inside this story's conversation: should be refused. */
  foreign?: boolean;
}

/**
 * Every scored turn's candidates (recorded before the decision, so a refused turn's are kept too). Earlier turns are
 * answered at the threshold in use, as in `npm run eval`: a follow-up to a refused question leans on what was refused.
 */
async function collect(config: Config, file: string, split: Split, softMatch: boolean, history: 'engine' | 'gold', threshold: number): Promise<Turn[]> {
  const parsed = parseEvalJsonl(await readFile(file, 'utf8'), path.basename(file));
  const byDoc = new Map<string, EvalConversation[]>();
  for (const c of parsed.conversations) {
    if (!('id' in c.document) || storySplit(c.document.id) !== split) continue;
    (byDoc.get(c.document.id) ?? byDoc.set(c.document.id, []).get(c.document.id)!).push(c);
  }
  const turns: Turn[] = [];
  // Each conversation also gets one question from another story (the previous story's), which it should refuse.
  const ids = [...byDoc.keys()];
  const foreignFor = (id: string) => {
    const other = byDoc.get(ids[(ids.indexOf(id) + ids.length - 1) % ids.length]!)!;
    return other.flatMap((c) => c.turns.filter((t) => t.scored !== false && !t.unanswerable).map((t) => t.question));
  };
  for (const [id, conversations] of byDoc) {
    const foreign = foreignFor(id);
    const line = parsed.documents.get(id)!;
    if (!('text' in line)) continue;
    let last: Selection | null = null;
    let own = 0;
    let lastAnswer: Turn['last'];
    let adjacent = false;
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id, path: id, text: line.text }], refusalThreshold: threshold, softMatch, onSelection: (u, s) => {
      last = s;
      own = u.ownTerms;
      lastAnswer = u.last;
      adjacent = !!u.adjacent;
    } });
    for (const conv of conversations) {
      const conversation: Conversation = { id: conv.id, turns: [] };
      for (const t of conv.turns) {
        last = null;
        await engine.ask(t.question, conversation);
        if (t.scored === false) {
          if (history === 'gold') recordGoldAnswer(conversation, t, engine.documents()[0]);
          continue;
        }
        const { spans } = resolveEvidence(line.text, t.evidence);
        const sel = last as Selection | null;
        const candidates = (sel?.ranked ?? []).map((c) => {
          const hit = spans.some((s) => s.start < c.end && c.start < s.end) || t.answers.some((g) => containsAnswer(line.text.slice(c.start, c.end), g));
          return { c, y: (hit && !t.unanswerable ? 1 : 0) as 0 | 1 };
        });
        turns.push({ candidates, unanswerable: t.unanswerable === true, ownTerms: own, last: lastAnswer, adjacent });
      }
      if (foreign.length && ids.length > 1) {
        last = null;
        await engine.ask(foreign[turns.length % foreign.length]!, conversation);
        const sel = last as Selection | null;
        turns.push({ candidates: (sel?.ranked ?? []).map((c) => ({ c, y: 0 as const })), unanswerable: true, foreign: true, ownTerms: own, last: lastAnswer, adjacent });
      }
    }
  }
  return turns;
}

/** Gold in an answer (answered, and one of the quotes a pick would make holds it) at a threshold. */
function inAnswer(turns: Turn[], w: ConversationWeights, threshold: number, model: Weights) {
  let hit = 0;
  let answered = 0;
  let scored = 0;
  let unknown = 0;
  let refusedUnknown = 0;
  let foreign = 0;
  let refusedForeign = 0;
  // Those with words of their own: "Who?" or "Why?" has no subject of its own, so asked mid-conversation it is about this story.
  let worded = 0;
  let refusedWorded = 0;
  for (const t of turns) {
    const ps = t.candidates.map(({ c, y }) => ({ p: withEstablished(answerProbability(c.features, c.conversation, w, logit(c.features, model)), c, { ownTerms: t.ownTerms, last: t.last, adjacent: t.adjacent }), y, indexed: c.indexed }));
    const best = Math.max(0, ...ps.map((x) => (x.indexed ? Math.max(x.p, 0.95) : x.p)));
    if (t.foreign) {
      foreign++;
      if (best < threshold) refusedForeign++;
      if (t.ownTerms > 0) {
        worded++;
        if (best < threshold) refusedWorded++;
      }
      continue;
    }
    if (t.unanswerable) {
      unknown++;
      if (best < threshold) refusedUnknown++;
      continue;
    }
    scored++;
    if (best < threshold) continue;
    answered++;
    const top = ps.sort((a, b) => b.p - a.p).filter((x) => x.p >= 0.5 * best).slice(0, 3);
    if (top.some((x) => x.y)) hit++;
  }
  return { inAnswer: hit / Math.max(1, scored), answered: answered / Math.max(1, scored), n: scored, unknown, refusedUnknown: refusedUnknown / Math.max(1, unknown), foreign, refusedForeign: refusedForeign / Math.max(1, foreign), worded, refusedWorded: refusedWorded / Math.max(1, worded) };
}

function fit(turns: Turn[], weights: Weights): ConversationWeights {
  const plain: OffsetExample[] = [];
  const lean: OffsetExample[] = [];
  for (const t of turns) {
    const n = t.candidates.length || 1;
    for (const { c, y } of t.candidates) {
      const s = c.conversation;
      if (s.followup && s.lean) lean.push({ x: [1, s.context, s.near, c.features.typeHit, c.features.rankInv, s.established], offset: 0, y, weight: 1 / n });
      else plain.push({ x: [s.followup ? s.context : 0, s.followup ? s.near : 0, s.established], offset: logit(c.features, weights), y, weight: 1 / n });
    }
  }
  const [context, near, established] = fitOffset(plain);
  // Lean follow-ups ("Where was that?") keep their set weights: fitted on CoQA they gave nearness a negative
  // weight and re-quoted the previous answer instead of the sentence beside it (README, Refusals).
  void lean;
  return { context: context!, near: near!, established: established!, lean: CONVERSATION_WEIGHTS.lean };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export async function calibrateCoqa(config: Config, file: string, opts: { fit: boolean; threshold: number; softMatch: boolean; history?: 'engine' | 'gold'; tuneOnly?: boolean }): Promise<string> {
  const out: string[] = [];
  const model = opts.softMatch ? SOFT_WEIGHTS : WEIGHTS;
  const tune = await collect(config, file, 'tune', opts.softMatch, opts.history ?? 'engine', opts.threshold);
  let weights = CONVERSATION_WEIGHTS;
  const report = (name: string, turns: Turn[], w: ConversationWeights) => {
    const r = inAnswer(turns, w, opts.threshold, model);
    out.push(`${name}: ${r.n} answerable turns, answered ${pct(r.answered)}, gold in an answer ${pct(r.inAnswer)}; ${r.unknown} unanswerable turns, refused ${pct(r.refusedUnknown)}; ${r.foreign} questions about another story asked mid-conversation, refused ${pct(r.refusedForeign)} (${r.worded} with words of their own: ${pct(r.refusedWorded)}) (threshold ${opts.threshold})`);
  };
  report('Abg-CoQA tuning stories, current weights', tune, weights);
  if (opts.fit) {
    weights = fit(tune, model);
    // The sentence-level fit says how likely each sentence is; how far an established conversation lowers the
    // bar is chosen for gold in an answer on the tuning stories, as long as questions about another story
    // asked mid-conversation are still refused at least 80% of the time (off-topic refusals are kept).
    let best = { e: 0, v: -1 };
    for (let e = 0; e <= 4.001; e += 0.25) {
      const r = inAnswer(tune, { ...weights, established: e }, opts.threshold, model);
      out.push(`  established ${e.toFixed(2)}: gold in an answer ${pct(r.inAnswer)}, questions about another story refused ${pct(r.refusedForeign)}`);
      if (r.refusedForeign >= 0.8 && r.inAnswer > best.v + 0.002) best = { e, v: r.inAnswer };
    }
    weights = { ...weights, established: Math.round(best.e * 100) / 100 };
    await writeFile(path.join(ROOT, 'src/select/conversation.json'), JSON.stringify(weights, null, 2) + '\n');
    out.push(`Fitted and wrote src/select/conversation.json: ${JSON.stringify(weights)}`);
    report('Abg-CoQA tuning stories, fitted weights', tune, weights);
  }
  if (!opts.tuneOnly) report('Abg-CoQA held-out stories', await collect(config, file, 'heldout', opts.softMatch, opts.history ?? 'engine', opts.threshold), weights);
  return out.join('\n') + '\n';
}
