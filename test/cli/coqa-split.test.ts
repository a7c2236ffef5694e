import { describe, expect, it } from 'vitest';
import { storySplit } from '../../src/cli/calibrate-coqa.js';
import { splitByStory } from '../../src/cli/coqa-split.js';

describe('splitByStory', () => {
  it('given documents and conversations of several stories, when split, then each story with its conversations lands whole in the part its id hashes to', () => {
    const ids = ['coqa/a', 'coqa/b', 'coqa/c', 'coqa/d', 'coqa/e', 'coqa/f'];
    expect(new Set(ids.map(storySplit)).size).toBe(2);
    const lines = ids.flatMap((id) => [JSON.stringify({ type: 'document', id, text: 't' }), JSON.stringify({ id: `${id}|1`, document: { id }, turns: [] })]);
    const { tune, heldout } = splitByStory([...lines, '']);
    expect(tune.length + heldout.length).toBe(lines.length);
    for (const id of ids) {
      const part = storySplit(id) === 'tune' ? tune : heldout;
      expect(part.filter((l) => l.includes(`"${id}"`)).length).toBe(2);
    }
  });

  it('given a line that names no story, when split, then a clear error says so', () => {
    expect(() => splitByStory(['{"x":1}'])).toThrow(/names no story/);
  });
});
