import { describe, expect, it } from 'vitest';
import { chatTone } from '../../src/understand/chat.js';

describe('chatTone', () => {
  it.each([
    ['Thank you so much', 'thanks'],
    ['great, cheers', 'thanks'],
    ['good morning', 'greeting'],
    ['bye', 'bye'],
    ['haha nice', 'ack'],
    ['ok got it', 'ack'],
  ])('given "%s", then it is chit-chat with tone %s', (m, tone) => {
    expect(chatTone(m)).toBe(tone);
  });

  it.each(['What else?', 'Who spoke?', 'ok, and what did he tell the Council?', 'no more questions about NATO?', 'that is'])('given "%s", then it is not chit-chat', (m) => {
    expect(chatTone(m)).toBeNull();
  });
});
