import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

/** A logger whose JSON lines are kept, to count what was logged (e.g. quotes the verifier dropped). */
export function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[]; dropped: () => number } {
  const lines: { level: number; msg: string }[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination, pretty: false }), lines, dropped: () => lines.filter((l) => l.level >= 50 && /dropped a quote/.test(l.msg)).length };
}
