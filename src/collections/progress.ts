/**
 * One percentage for the whole of adding a document: fetching (0–30%),
 * reading pages (30–60%), embedding (60–95%), writing and swapping in the new
 * index (95–100%). Lexical-only bots skip embedding, so reading runs to 95%.
 *
 * @example
 * const pct = overallPercent('read', 2, 4, true); // 45
 */
export type Phase = 'fetch' | 'read' | 'embed' | 'write';

const SPANS: Record<Phase, [number, number]> = { fetch: [0, 30], read: [30, 60], embed: [60, 95], write: [95, 100] };

export function overallPercent(phase: Phase, done: number, total: number | null, embeds: boolean): number {
  const [a, b] = phase === 'read' && !embeds ? [30, 95] : SPANS[phase];
  const frac = total && total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return Math.round(a + (b - a) * frac);
}

export type AddProgress = (percent: number, phase: Phase) => void;
