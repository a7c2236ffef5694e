/**
 * An encrypted PDF the byte check cannot see: PDF names may spell a character as #xx, so a trailer's "/Encr#79pt" is
 * "/Encrypt" to the PDF reader but not to the raw-bytes pattern. The reader's own refusal must still say "encrypted".
 */
import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../../src/ingest/bytes.js';
import { DEFAULT_EXTRACT_LIMITS } from '../../src/ingest/limits.js';
import { UserError } from '../../src/errors.js';
import { writePdf } from '../helpers/doc-writers.js';

describe('an encrypted PDF the byte check misses', () => {
  it('given a trailer naming /Encrypt with a #-escape, when loaded, then the PDF reader refuses it as encrypted, in one line', async () => {
    const plain = writePdf({ pages: [[['Secret words.']]], encrypt: true });
    const disguised = Buffer.from(plain.toString('latin1').replace('/Encrypt ', '/Encr#79pt '), 'latin1');
    expect(disguised.toString('latin1')).toContain('/Encr#79pt');
    const e = await sourceFromBytes(disguised, { id: 'locked.pdf', path: 'locked.pdf', name: 'locked.pdf' }, DEFAULT_EXTRACT_LIMITS).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('encrypted');
    expect((e as UserError).message).toMatch(/^locked\.pdf is encrypted or password-protected/);
    expect((e as UserError).message).not.toContain('\n');
  });
});
