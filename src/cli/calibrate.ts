/**
 * `npm run calibrate -- [squad-dev.json]` — choose the refusal threshold on
 * data. For SQuAD questions it compares the answer confidence when the
 * article holds the answer (should answer) with the confidence when the
 * paragraph holding it is removed and the answer appears nowhere else
 * (should say "the document doesn't say"). Prints the sweep and the
 * threshold with the best balanced accuracy. Confidence is lexical, so the
 * calibration does not depend on the embedding model.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { createEngine } from '../engine.js';
import { silentLogger } from '../log.js';
import { run, setup, ROOT } from './common.js';

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

await run(async () => {
  const program = new Command()
    .argument('[file]', 'SQuAD v1.1 JSON', path.resolve(ROOT, '../shared/eval/squad-v1.1-dev/dev-v1.1.json'))
    .option('--articles <n>', 'articles to use (from the first)', '16')
    .option('--per-article <n>', 'questions per article (evenly spaced)', '30')
    .parse();
  const opts = program.opts<{ articles: string; perArticle: string }>();
  const { config } = setup({ quiet: true });
  const squad = JSON.parse(await readFile(program.args[0] ?? program.processedArgs[0], 'utf8')) as Squad;
  const pos: number[] = [];
  const posHit: boolean[] = [];
  const neg: number[] = [];
  for (const article of squad.data.slice(0, Number(opts.articles))) {
    const contexts = article.paragraphs.map((p) => p.context);
    const full = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: article.title, path: article.title, text: contexts.join('\n\n') }], refusalThreshold: 0 });
    const qas = article.paragraphs.flatMap((p, pi) => p.qas.map((qa) => ({ ...qa, pi })));
    const step = Math.max(1, Math.floor(qas.length / Number(opts.perArticle)));
    for (let i = 0; i < qas.length; i += step) {
      const qa = qas[i]!;
      const a = await full.ask(qa.question);
      pos.push(a.confidence ?? 0);
      posHit.push(a.quotes.some((q) => qa.answers.some((g) => norm(q.quote).includes(norm(g.text)))));
      // The same question against the article without the paragraph that answers it.
      const rest = contexts.filter((_, j) => j !== qa.pi);
      if (qa.answers.some((g) => rest.some((c) => norm(c).includes(norm(g.text))))) continue; // answer also elsewhere: not a true negative
      const without = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: article.title, path: article.title, text: rest.join('\n\n') }], refusalThreshold: 0 });
      neg.push((await without.ask(qa.question)).confidence ?? 0);
    }
    process.stderr.write(`${article.title}: ${pos.length} answerable, ${neg.length} unanswerable so far\n`);
  }
  const rows: string[] = ['threshold  answers(answerable)  refuses(unanswerable)  balanced  answer-found-when-answering'];
  let best = { t: 0, bal: -1 };
  for (let t = 0.2; t <= 0.801; t += 0.05) {
    const answered = pos.map((c) => c >= t);
    const ansRate = answered.filter(Boolean).length / pos.length;
    const refRate = neg.filter((c) => c < t).length / neg.length;
    const found = posHit.filter((h, i) => h && answered[i]).length / Math.max(1, answered.filter(Boolean).length);
    const bal = (ansRate + refRate) / 2;
    if (bal > best.bal) best = { t, bal };
    rows.push(`${t.toFixed(2).padStart(9)}  ${(ansRate * 100).toFixed(1).padStart(18)}%  ${(refRate * 100).toFixed(1).padStart(20)}%  ${(bal * 100).toFixed(1).padStart(7)}%  ${(found * 100).toFixed(1).padStart(26)}%`);
  }
  process.stdout.write(`SQuAD dev, first ${opts.articles} articles: ${pos.length} answerable questions, ${neg.length} made unanswerable (gold paragraph removed).\n${rows.join('\n')}\nBest balanced accuracy at threshold ${best.t.toFixed(2)} (${(best.bal * 100).toFixed(1)}%).\n`);
});
