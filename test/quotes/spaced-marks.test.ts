/**
 * Quotation marks padded with spaces, as exam passages and copied web text type them (`" I quickly got up," said
 * Tom`, `he said that " the key is … ".`, `' You can do it. '`). Synthetic paragraphs in those shapes.
 */
import { describe, expect, it } from 'vitest';
import { who } from './who.js';


describe('quotation marks padded with spaces', () => {
  it('given a padded opening mark at the start of a paragraph or of the text, when quotations are found, then it opens a quotation and the attribution after it is read', () => {
    expect(who('Tom walked into the room.', '" I quickly got up," said Tom. " It was late."')).toEqual([['I quickly got up', 'Tom'], ['It was late.', 'Tom']]);
    expect(who('" I quickly got up, " Jim told me.')).toEqual([['I quickly got up', 'Jim']]);
  });

  it('given a padded closing mark before a full stop, when quotations are found, then it closes the quotation (not opens another)', () => {
    expect(who('Jim smiled. He said that " the key is to keep going ". Then he left.')).toEqual([['the key is to keep going', 'Jim']]);
  });

  it('given straight single marks padded on both sides, when quotations are found, then they pair as quotation marks', () => {
    expect(who("Tom's teacher, Mrs. White, said to him, ' You can do it. '")).toEqual([['You can do it.', 'White']]);
  });

  it('given a comma padded inside the closing mark ("Hello ," said Anna), when attributed, then the attribution after it is the greeting\'s own and the next quotation follows on', () => {
    expect(who('"Hello ," said Anna. "How are you?"')).toEqual([['Hello', 'Anna'], ['How are you?', 'Anna']]);
    expect(who("' Hello, ' said Anna. ' How are you? '")).toEqual([['Hello', 'Anna'], ['How are you?', 'Anna']]);
  });
});
