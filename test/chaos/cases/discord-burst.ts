/**
 * A 200-interaction burst of /ask on a 2,000-document corpus, all at once,
 * each from its own user: every one acknowledged within Discord's 3 s, then
 * answered or told "busy" — none "Something went wrong", none left on
 * "thinking…" — against the real `npm start` process and the fake Discord.
 */
import type { ChaosCase } from '../types.js';
import { runLoadCase, type Planned } from '../discord-load.js';

const QUESTIONS = ['What did Kofi Mensah say about the port expansion?', 'Which projects were affected in Accra?', 'Why did the auditors question the school meals plan?', 'Who asked for the bus fares plan to be cut?'];

const burst: ChaosCase = {
  name: 'discord-burst-200-asks',
  expected: '200 /ask at once on 2,000 documents: all acknowledged ≤ 3 s, each answered or told busy, none failed',
  async run({ tmp, log }) {
    const plan: Planned[] = Array.from({ length: 200 }, (_, i) => ({ name: 'ask', options: [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length]! }] }));
    return runLoadCase({ tmp, log, documents: 2000, plan, intervalMs: 0 });
  },
};

export default burst;
