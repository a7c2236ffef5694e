/**
 * `npm run calibrate -- [squad-dev.json] [--fit] [--from N] [--articles N] [--threshold T]`
 *
 * Calibrates the answer-or-refuse decision on SQuAD dev. Each question is
 * asked against its article (should answer, with the gold answer inside a
 * quote) and against the article without the paragraph that answers it,
 * where the answer appears nowhere else (should refuse).
 *
 * - Tuning articles: the first 16 (`--articles`). `--fit` fits the sentence
 *   model's weights on them (every candidate sentence, labelled by whether it
 *   holds the gold answer; candidates of the unanswerable versions are all
 *   negatives) and writes src/select/weights.json. Then the threshold sweep.
 * - Held-out articles: `--from 16 --articles 32 --threshold 0.5` measures
 *   the chosen threshold on articles never used for fitting or choosing.
 * - `--coqa abg-coqa.jsonl [--fit]`: the conversation weights (calibrate-coqa.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { createEngine } from '../engine/index.js';
import { silentLogger } from '../log.js';
import { UserError } from '../errors.js';
import type { Config } from '../config.js';
import { atThreshold, fitSentenceModel, type Question } from '../select/fit.js';
import { FEATURES } from '../select/features.js';
import { run, setup, ROOT } from './common.js';
import { phrasingQuestions } from './calibrate-phrasings.js';
import type { Embedder } from '../embed/types.js';
import { cachingEmbedder } from '../eval/embedder-cache.js';

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

interface Outcome {
  pos: { confidence: number; hit: boolean }[];
  neg: number[];
  questions: Question[];
  /** Which of `questions` are the unanswerable versions (gold paragraph removed). */
  unanswerable: Set<Question>;
}

async function collect(config: Config, articles: Squad['data'], perArticle: number, withExamples: boolean, softMatch: boolean, embedder: Embedder | null = null): Promise<Outcome> {
  const out: Outcome = { pos: [], neg: [], questions: [], unanswerable: new Set() };
  let asking: 'pos' | 'neg' = 'pos';
  for (const article of articles) {
    const contexts = article.paragraphs.map((p) => p.context);
    const qas = article.paragraphs.flatMap((p, pi) => p.qas.map((qa) => ({ ...qa, pi })));
    const step = Math.max(1, Math.floor(qas.length / perArticle));
    let gold: string[] = [];
    const observe = withExamples
      ? (texts: (s: { doc: { text: string }; start: number; end: number }) => string) =>
          ({
            onSelection: (_u: unknown, sel: { ranked: { doc: { text: string }; start: number; end: number; features: Question[number]['f'] }[] }) => {
              const q: Question = sel.ranked.map((c) => ({ f: c.features, y: gold.some((g) => norm(texts(c)).includes(g)) ? 1 : 0 }));
              out.questions.push(q);
              if (asking === 'neg') out.unanswerable.add(q);
            },
          }) as const
      : () => ({});
    const textOf = (c: { doc: { text: string }; start: number; end: number }) => c.doc.text.slice(c.start, c.end);
    const full = await createEngine({ config, logger: silentLogger(), embedder, documents: [{ id: article.title, path: article.title, text: contexts.join('\n\n') }], refusalThreshold: 0, softMatch, idleWork: false, ...observe(textOf) });
    for (let i = 0; i < qas.length; i += step) {
      const qa = qas[i]!;
      gold = qa.answers.map((g) => norm(g.text));
      asking = 'pos';
      const a = await full.ask(qa.question);
      out.pos.push({ confidence: a.confidence ?? 0, hit: a.quotes.some((q) => gold.some((g) => norm(q.quote).includes(g))) });
      const rest = contexts.filter((_, j) => j !== qa.pi);
      if (gold.some((g) => rest.some((c) => norm(c).includes(g)))) continue; // answer also elsewhere: not a true negative
      const without = await createEngine({ config, logger: silentLogger(), embedder, documents: [{ id: article.title, path: article.title, text: rest.join('\n\n') }], refusalThreshold: 0, softMatch, idleWork: false, ...observe(textOf) });
      gold = []; // every sentence of the article without the answer is a negative
      asking = 'neg';
      out.neg.push((await without.ask(qa.question)).confidence ?? 0);
      await without.close();
    }
    await full.close();
    process.stderr.write(`${article.title}: ${out.pos.length} answerable, ${out.neg.length} unanswerable so far\n`);
  }
  return out;
}

function rates(o: Outcome, t: number) {
  const answered = o.pos.filter((p) => p.confidence >= t);
  return {
    answers: answered.length / o.pos.length,
    goldInQuote: answered.filter((p) => p.hit).length / o.pos.length,
    refuses: o.neg.filter((c) => c < t).length / Math.max(1, o.neg.length),
    foundWhenAnswering: answered.filter((p) => p.hit).length / Math.max(1, answered.length),
  };
}

const pct = (v: number, w = 8) => `${(v * 100).toFixed(1)}%`.padStart(w);

await run(async () => {
  const program = new Command()
    .argument('[file]', 'SQuAD v1.1 JSON', path.resolve(ROOT, '../shared/eval/squad-v1.1-dev/dev-v1.1.json'))
    .option('--from <n>', 'first article (0-based)', '0')
    .option('--articles <n>', 'articles to use', '16')
    .option('--per-article <n>', 'questions per article (evenly spaced)', '30')
    .option('--fit', 'fit the sentence model on these articles and write src/select/weights.json')
    .option('--threshold <t>', 'report this threshold only (held-out measurement)')
    .option('--phrasings <sets>', 'with --fit: also fit on these tuning phrasing sets (comma-separated, e.g. natural-tune,natural2-tune; test/fixtures/phrasings/), and keep the configured threshold refusing 80% of the unanswerable articles')
    .option('--phrasing-weight <w>', 'with --phrasings: how many SQuAD questions one phrasing counts as', '1')
    .option('--soft', 'score sentences with the word vectors\' soft matching too (fits/uses src/select/weights-soft.json)')
    .option('--model <id>', 'embedding model for hybrid retrieval (e.g. use-lite; default none: lexical, as the weights were fitted)', 'none')
    .option('--coqa <file>', 'instead: Abg-CoQA JSONL (npm run eval:convert -- abg-coqa …): fit the conversation weights on the tuning stories (--fit), measure the held-out ones')
    .option('--tune-only', 'with --coqa: report the tuning stories only (the held-out ones stay unseen)')
    .option('--history <from>', 'with --coqa: earlier turns answered by the engine (default) or as the dataset answered them (gold)')
    .parse();
  const opts = program.opts<{ from: string; articles: string; perArticle: string; fit?: boolean; threshold?: string; coqa?: string; soft?: boolean; history?: string; tuneOnly?: boolean; phrasings?: string; phrasingWeight: string; model: string }>();
  const { config } = setup({ quiet: true });
  // One model for every article's engines; each distinct passage is embedded once (the unanswerable versions reuse the article's).
  const { loadEmbedder } = await import('../embed/load.js');
  const loaded = opts.model.toLowerCase() === 'none' ? null : await loadEmbedder({ model: opts.model, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, logger: silentLogger(), root: config.root });
  if (opts.model.toLowerCase() !== 'none' && !loaded) throw new UserError(`the embedding model ${opts.model} could not be loaded`);
  const embedder = loaded ? cachingEmbedder(loaded) : null;
  if (opts.coqa) {
    const { calibrateCoqa } = await import('./calibrate-coqa.js');
    process.stdout.write(await calibrateCoqa(config, path.resolve(process.cwd(), opts.coqa), { fit: !!opts.fit, threshold: Number(opts.threshold ?? config.REFUSAL_THRESHOLD), softMatch: !!opts.soft, history: opts.history === 'gold' ? 'gold' : 'engine', tuneOnly: !!opts.tuneOnly }));
    return;
  }
  const squad = JSON.parse(await readFile(program.args[0] ?? program.processedArgs[0], 'utf8')) as Squad;
  const from = Number(opts.from);
  const articles = squad.data.slice(from, from + Number(opts.articles));
  const label = `SQuAD dev articles ${from + 1}–${from + articles.length}${embedder ? ` (hybrid retrieval with ${opts.model})` : ''}`;

  if (opts.fit) {
    const o = await collect(config, articles, Number(opts.perArticle), true, !!opts.soft, embedder);
    const own = opts.phrasings ? await phrasingQuestions(config, ROOT, opts.phrasings.split(','), !!opts.soft) : [];
    const questions = [...o.questions, ...own];
    const perQuestion = questions.map((_, i) => (i < o.questions.length ? 1 : Number(opts.phrasingWeight)));
    const fitted = fitSentenceModel(questions, { weights: perQuestion, ...(opts.soft ? {} : { features: FEATURES.filter((f) => !f.startsWith('soft')) }) });
    // With phrasings, the configured threshold keeps its meaning: the bias moves until it refuses 80% of the tuning articles' unanswerable versions.
    const weights = own.length ? atThreshold(fitted, [...o.unanswerable], config.REFUSAL_THRESHOLD, 0.8) : fitted;
    const file = path.join(ROOT, opts.soft ? 'src/select/weights-soft.json' : 'src/select/weights.json');
    await writeFile(file, JSON.stringify(weights, null, 2) + '\n');
    process.stdout.write(`Fitted on ${questions.reduce((a, q) => a + q.length, 0)} candidate sentences of ${o.questions.length} questions (${label})${own.length ? ` and ${own.length} phrasings (${opts.phrasings}, each counting ${opts.phrasingWeight})` : ''}; wrote ${path.relative(ROOT, file)}:\n${JSON.stringify(weights)}\nRe-run without --fit to sweep the threshold with the new weights.\n`);
    return;
  }
  const o = await collect(config, articles, Number(opts.perArticle), false, !!opts.soft, embedder);
  const head = `${label}: ${o.pos.length} answerable questions, ${o.neg.length} made unanswerable (gold paragraph removed).\n`;
  const cols = 'threshold  answers(answerable)  gold-in-quote(answerable)  refuses(unanswerable)  balanced  found-when-answering';
  const row = (t: number) => {
    const r = rates(o, t);
    return { t, r, line: `${t.toFixed(2).padStart(9)}  ${pct(r.answers, 18)}  ${pct(r.goldInQuote, 24)}  ${pct(r.refuses, 20)}  ${pct((r.answers + r.refuses) / 2, 8)}  ${pct(r.foundWhenAnswering, 20)}` };
  };
  if (opts.threshold) {
    process.stdout.write(`${head}${cols}\n${row(Number(opts.threshold)).line}\n`);
    return;
  }
  // Every hundredth is tried; every twentieth is printed.
  const rows = [];
  for (let i = 5; i <= 95; i++) rows.push(row(i / 100));
  // The target: gold inside a quote on answerable questions while refusing ≥ 80% of the unanswerable ones.
  const eligible = rows.filter((x) => x.r.refuses >= 0.8);
  const best = (eligible.length ? eligible : rows).reduce((a, b) => (b.r.goldInQuote > a.r.goldInQuote ? b : a));
  const shown = rows.filter((x) => Math.round(x.t * 100) % 5 === 0 || x === best);
  process.stdout.write(`${head}${cols}\n${shown.map((x) => x.line).join('\n')}\nMost gold-in-quote while refusing ≥ 80% of unanswerable: threshold ${best.t.toFixed(2)} (${pct(best.r.goldInQuote, 0)} gold in a quote, ${pct(best.r.refuses, 0)} refused).\n`);
});
