/**
 * Why the model's file pages grow over many questions, and that they are
 * bounded (issue 13): the embedding model's weights are memory-mapped from the
 * optimized copy in the model cache (`model.onnx.data`); ONNX Runtime reads
 * the token-embedding table in place, one row (384 floats) per token, so the
 * kernel brings in a page the first time a token is seen. Questions with
 * tokens never seen before (the bench's numbered questions) bring in new
 * pages; the same questions again bring in none; the file's size bounds it.
 * Prints the resident MB of that mapping after each step.
 *
 *   node test/bench/model-pages.mjs ../shared/models/minilm-l6-shape-random
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentByMapping } from './smaps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = path.resolve(process.argv[2] ?? '../shared/models/minilm-l6-shape-random');
const { openOnnxModel } = await import(path.join(ROOT, 'dist/embed/onnx-model.js'));
const model = await openOnnxModel({ folder, onnxFile: path.join(folder, 'onnx/model.onnx'), cacheDir: path.join(ROOT, 'embeddings/models'), logger: { debug() {}, warn() {} } });
if (model.session !== 'cache') throw new Error('the model did not open from the memory-mapped copy in the cache; run it once more');
const QUESTIONS = ['What did Annan tell the Council?', 'And what did he tell the regional organizations?', 'Where was the closed-door meeting?', 'When did the high-level meetings start?', 'what else?', 'Who took part in the meeting?', 'What is the capital of France?', 'Summarize the article'];
/** Questions from..to as many-questions.mjs words them (two in three carry their number), or without the numbers. */
const ask = async (from, to, numbered) => {
  for (let i = from; i < to; i++) await model.extract([`${QUESTIONS[i % 8]}${numbered && i % 3 ? ` (${i})` : ''}`], 'mean');
};
const resident = () => residentByMapping()['file:model.onnx.data'] ?? 0;
await ask(0, 100, true);
if (!('file:model.onnx.data' in residentByMapping())) throw new Error('model.onnx.data is not mapped');
const file = path.join(ROOT, 'embeddings/models/optimized');
console.log(`model.onnx.data in ${file}/…: the token-embedding table is ${(30_522 * 384 * 4 / 2 ** 20).toFixed(1)} MB of a MiniLM-shaped model's weights`);
console.log(`after 100 bench questions: ${resident().toFixed(1)} MB of model.onnx.data resident`);
await ask(100, 3100, false);
console.log(`+3,000 of the same 8 questions without numbers: ${resident().toFixed(1)} MB`);
await ask(100, 3100, true);
console.log(`+3,000 bench questions (numbers 100–3,099): ${resident().toFixed(1)} MB`);
await ask(3100, 10_000, true);
console.log(`+6,900 more (numbers to 9,999): ${resident().toFixed(1)} MB`);
await ask(0, 10_000, true);
console.log(`the same 10,000 again: ${resident().toFixed(1)} MB`);
await model.dispose();
