import { describe, expect, it } from 'vitest';
import { isCaptionOrFurniture, isVerblessCaption } from '../../src/summarize/captions.js';

describe('captions and page furniture', () => {
  it.each([
    'Bishop John Folda (pictured) of the Fargo Catholic Diocese in North Dakota has exposed potentially hundreds of church members to the hepatitis A .',
    'Craig Eccleston-Todd, 27 (left) was using his mobile phone when he crashed head-on into the car being driven by Rachel Titley, 28 (right)',
    'Legend: NBA star Johnson, pictured here in 1985, was playing for the Lakers when he was told he had HIV.',
    'Tributes: Actor Victor Spinetti, pictured left in 2010, died today at a hospice.',
    'Valerie Harper, seen here in 2009, was diagnosed with cancer.',
    'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 .',
    'Scroll down for video .',
    'Photo: Rescue workers at the scene on Monday.',
  ])('given a caption or furniture, when checked, then it is one: %s', (s) => {
    expect(isCaptionOrFurniture(s)).toBe(true);
  });

  it.each([
    'The diocese says he contracted the infection through contaminated food while attending a conference in Italy.',
    'Secretary-General Kofi Annan today re-emphasized the need for regional organizations to work more closely.',
    '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts,” he told them.',
    'He told the Daily Mail: ‘They seek guns and violence.’',
    'Obama: "We will not back down."',
  ])('given a sentence of the story, when checked, then it is not a caption: %s', (s) => {
    expect(isCaptionOrFurniture(s)).toBe(false);
  });

  it('given a one-sentence paragraph, when it has no verb, then it is a caption; with a verb, it is not', () => {
    expect(isVerblessCaption('Iraqi leader Saddam Hussein in an unknown location in Iraq after his capture in 2003.')).toBe(true);
    expect(isVerblessCaption('Former President Bill Clinton at a rally in Ohio on Tuesday.')).toBe(true);
    expect(isVerblessCaption('The council met on Monday.')).toBe(false);
    expect(isVerblessCaption('Officials say the water is safe.')).toBe(false);
  });
});
