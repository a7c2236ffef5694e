/**
 * Round 15 (who13): "who called X Y?" asks who said that X is Y; a call ("who called for …", "who called him back",
 * "who called the police", "who called rachel on the phone") is no such claim.
 */
import { describe, expect, it } from 'vitest';
import { parseQuoteIntent } from '../../src/understand/said.js';

describe('who called X Y', () => {
  it.each([
    ['Who called it a miracle?', 'it was a miracle'],
    ['who called it a hateful incident', 'it was a hateful incident'],
    ['Which sister called the incident odious?', 'the incident was odious'],
  ])('given "%s", when parsed, then it asks who said "%s"', (q, about) => {
    expect(parseQuoteIntent(q)).toEqual({ kind: 'who-said', about });
  });

  it.each(['who called rachel on the phone', 'who called him back', 'who called the police'])('given a call ("%s"), when parsed, then it is no who-said question', (q) => {
    expect(parseQuoteIntent(q)).toBeNull();
  });

  it('given "who called for X", when parsed, then X is the claim, as before', () => {
    expect(parseQuoteIntent('who called for a new level of seriousness')).toEqual({ kind: 'who-said', about: 'a new level of seriousness' });
  });
});
