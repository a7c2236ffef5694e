/** The committed tiny model is what the generator produces, small, and covers the default document. */
import fs from 'node:fs';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { buildTinyModel, DEFAULT_DOCUMENT, DIM } from '../fixtures/make-tiny-model.js';
import { repoRoot, tinyModelDir } from './helpers.js';

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

describe('test/fixtures/tiny-model', () => {
  it('given the generator, when run again, then it yields byte-identical files to the committed ones (run `npm run fixtures` after changing it)', () => {
    const generated = buildTinyModel();
    expect(listFiles(tinyModelDir).sort()).toEqual(Object.keys(generated).sort());
    for (const [rel, bytes] of Object.entries(generated)) {
      expect(Buffer.compare(fs.readFileSync(path.join(tinyModelDir, rel)), bytes), rel).toBe(0);
    }
  });

  it('given the folder, when measured, then it is well under 1 MB and BERT-typed', () => {
    const total = listFiles(tinyModelDir).reduce((n, f) => n + fs.statSync(path.join(tinyModelDir, f)).size, 0);
    expect(total).toBeLessThan(300_000);
    const config = JSON.parse(fs.readFileSync(path.join(tinyModelDir, 'config.json'), 'utf8'));
    expect(config.model_type).toBe('bert');
    expect(config.hidden_size).toBe(DIM);
  });

  it('given the default document, when tokenized, then no word maps to [UNK] and common words are whole tokens', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(tinyModelDir, { local_files_only: true });
    const text = fs.readFileSync(path.join(repoRoot, DEFAULT_DOCUMENT), 'utf8');
    const tokens = tokenizer.tokenize(text);
    expect(tokens.length).toBeGreaterThan(400);
    expect(tokens).not.toContain('[UNK]');
    expect(tokens.filter((t) => t.startsWith('##'))).toEqual([]);
    expect(tokenizer.tokenize('What did he tell the regional organizations yesterday?')).toEqual([
      'what', 'did', 'he', 'tell', 'the', 'regional', 'organizations', 'yesterday', '?',
    ]);
    // an unknown word falls back to character pieces, not [UNK]
    expect(tokenizer.tokenize('zyx')).toEqual(['z', '##y', '##x']);
  });
});
