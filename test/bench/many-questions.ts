/**
 * Child of `bench:process`: ask N questions in one process over rotating
 * conversations (as a busy bot would), print RSS after 100 and after N.
 */
import 'dotenv/config';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { silentLogger } from '../../src/log.js';
import { createMemoryConversationStore } from '../../src/state/conversations-memory.js';

const n = Number(process.argv[2] ?? 10_000);
const QUESTIONS = [
  'What did Annan tell the Council?',
  'And what did he tell the regional organizations?',
  'Where was the closed-door meeting?',
  'When did the high-level meetings start?',
  'what else?',
  'Who took part in the meeting?',
  'What is the capital of France?',
  'Summarize the article',
];
const config = loadConfig(process.env, process.cwd());
const engine = await createEngine({ config, logger: silentLogger() });
const store = createMemoryConversationStore({ maxTurns: config.CONVERSATION_MAX_TURNS, ttlMs: 3_600_000, maxConversations: 1000 });
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
};
let after100 = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  // 5,000 distinct conversations over the run: more than the store keeps, so eviction is exercised.
  const conv = await store.forKey(`c${i % 5000}`);
  await engine.ask(`${QUESTIONS[i % QUESTIONS.length]}${i % 3 === 0 ? '' : ` (${i})`}`, conv);
  await store.touch(conv);
  if (i === 99) after100 = rss();
}
const msPerQuestion = (performance.now() - t0) / n;
console.log(JSON.stringify({ n, after100, afterN: rss(), msPerQuestion }));
await engine.close();
