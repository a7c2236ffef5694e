/**
 * Reporting many failed sources without flooding: one line each when there
 * are few, one line per kind of failure with a few examples when there are
 * many (10,000 empty files make a sentence, not a 871,001-character line).
 */
export interface SourceFailure {
  source: string;
  /** One line for a human. */
  error: string;
  /** The UserError code (e.g. 'empty', 'too_large', 'fetch_failed'). */
  code: string;
}

/** Longest line we print about one source. */
const MAX_LINE = 300;
const cap = (s: string) => (s.length > MAX_LINE ? `${s.slice(0, MAX_LINE - 1)}…` : s);

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const KIND: Record<string, string> = {
  empty: 'empty',
  binary: 'binary',
  not_text: 'not UTF-8 or UTF-16 text',
  too_large: 'over the size limit',
  not_found: 'missing',
  not_regular_file: 'not regular files',
  unreadable: 'unreadable',
  fetch_failed: 'could not be fetched',
  fetch_timeout: 'timed out while fetching',
};

/**
 * Lines describing the failures: each failure's own line when there are at
 * most `maxLines`, else one line per kind with up to three examples.
 *
 * @example
 * summariseFailures(failed); // ['10,000 sources failed: 10,000 empty (docs/a.txt, docs/b.txt, docs/c.txt, … and 9,997 more)']
 */
export function summariseFailures(failed: SourceFailure[], maxLines = 10): string[] {
  if (failed.length <= maxLines) return failed.map((f) => cap(f.error));
  const groups = new Map<string, SourceFailure[]>();
  for (const f of failed) {
    const g = groups.get(f.code);
    if (g) g.push(f);
    else groups.set(f.code, [f]);
  }
  const lines = [...groups].map(([code, fs]) => {
    const examples = fs.slice(0, 3).map((f) => f.source);
    const more = fs.length > 3 ? `, … and ${(fs.length - 3).toLocaleString('en-US')} more` : '';
    const kind = KIND[code] ?? `failed (${cap(fs[0]!.error)})`;
    return cap(`${plural(fs.length, 'source')} ${kind}: ${examples.join(', ')}${more}`);
  });
  return [`${plural(failed.length, 'source')} could not be indexed:`, ...lines];
}

/** The same as one line (for an error message), at most ~1,000 characters. */
export const failureLine = (failed: SourceFailure[]) => {
  const lines = summariseFailures(failed, 3);
  const line = lines.length > 1 && lines[0]!.endsWith(':') ? `${lines[0]} ${lines.slice(1).join('; ')}` : lines.join('; ');
  return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
};
