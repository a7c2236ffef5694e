/** Shared bits for the embed tests: the committed tiny model, a counting logger, vector maths. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { EmbedLogger } from '../../src/embed/load.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const tinyModelDir = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));

/** A logger whose calls can be counted. */
export function spyLogger() {
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { logger: logger as unknown as EmbedLogger & typeof logger, calls: logger };
}

export function tempDir(prefix = 'verbatim-embed-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copy the tiny model somewhere else (optionally renamed, to trigger a model family). */
export function copyTinyModel(dest: string): string {
  fs.cpSync(tinyModelDir, dest, { recursive: true });
  return dest;
}

export const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
export const norm = (a: Float32Array) => Math.sqrt(dot(a, a));
export const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
