/**
 * Issue 11's must-show: under a CPU-heavy mix on a 2,000-document corpus
 * (alternating /summary and /ask, one every 150 ms, 30 interactions), every
 * interaction is acknowledged within Discord's 3 s and then answered or told
 * "busy" — against the real `npm start` process and the fake Discord.
 */
import type { ChaosCase } from '../types.js';
import { runLoadCase, type Planned } from '../discord-load.js';

const QUESTIONS = ['What did Priya Raman say about the water supply plan?', 'Why was the rail network plan delayed in Oslo?', 'Who defended the flood defences plan?'];

const cpuMix: ChaosCase = {
  name: 'discord-cpu-mix-2000-docs',
  expected: '30 interactions (/summary and /ask alternating every 150 ms, 2,000 documents): all acknowledged ≤ 3 s, each answered or told busy',
  async run({ tmp, log }) {
    const plan: Planned[] = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? { name: 'summary', options: [{ name: 'length', type: 3, value: 'medium' }] }
        : { name: 'ask', options: [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length]! }] },
    );
    return runLoadCase({ tmp, log, documents: 2000, plan, intervalMs: 150 });
  },
};

export default cpuMix;
