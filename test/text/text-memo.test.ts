import { describe, expect, it } from 'vitest';
import { memoPerText } from '../../src/text/text-memo.js';

describe('memoPerText: per-sentence analyses remembered across questions', () => {
  it('given the same text and owner, when asked again, then the first result is returned without computing it again', () => {
    let calls = 0;
    const words = memoPerText((text: string, _owner: object | null) => (calls++, text.split(' ')));
    const owner = {};
    const first = words('He told the Council.', owner);
    expect(words('He told the Council.', owner)).toBe(first);
    expect(calls).toBe(1);
  });

  it('given a text whose result is undefined (a name no table knows), when asked again, then it is not computed again', () => {
    let calls = 0;
    const find = memoPerText((_text: string, _owner: null) => (calls++, undefined));
    expect(find('Mr. Smith', null)).toBeUndefined();
    expect(find('Mr. Smith', null)).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('given another owner (other word vectors) or none, when asked, then each has its own result', () => {
    let calls = 0;
    const tag = memoPerText((text: string, owner: { name: string } | null) => (calls++, `${owner?.name ?? 'none'}:${text}`));
    const a = { name: 'a' };
    const b = { name: 'b' };
    expect([tag('x', a), tag('x', b), tag('x', null), tag('x', a), tag('x', null)]).toEqual(['a:x', 'b:x', 'none:x', 'a:x', 'none:x']);
    expect(calls).toBe(3);
  });

  it('given more texts than its bound, when full, then it starts over instead of growing', () => {
    let calls = 0;
    const len = memoPerText((text: string, _o: null) => (calls++, text.length), 2);
    len('a', null);
    len('bb', null);
    len('ccc', null); // clears, keeps ccc
    len('a', null); // computed again
    len('ccc', null); // still remembered
    expect(calls).toBe(4);
  });
});
