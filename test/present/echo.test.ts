import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echo } from '../../src/present/echo.js';

describe('echo', () => {
  it('given a question with NUL, C1 controls and bidi overrides, when echoed, then none of them is left', () => {
    expect(echo('What\u0000 did \u202eAnnan\u202c\u0085 say\u2066?\u009b')).toBe('What did Annan say?');
  });

  it('given any string, when echoed, then no control (but space), zero-width or bidi formatting character remains', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(echo(s))),
    );
  });
});
