import { describe, expect, it } from 'vitest';
import { chatTone, chatToneOf } from '../../src/understand/chat.js';

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

describe('chatToneOf: the tone of a message known to be chit-chat', () => {
  it.each([
    ['ty bot, super useful', 'thanks'],
    ['merci beaucoup', 'thanks'],
    ['cya later', 'bye'],
    ['hey there!', 'greeting'],
    ['how are you', 'greeting'],
    ['you rock', 'ack'],
  ])('given "%s", then its tone is %s', (m, tone) => {
    expect(chatToneOf(m)).toBe(tone);
  });
});
