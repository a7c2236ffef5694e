/**
 * Dialogue in fiction (Gutenberg stories, stories for children): whom the words address by name, replies that name
 * their speaker only in a noun phrase, speakers who name themselves, and the speakers these give untagged turns.
 */
import { describe, expect, it } from 'vitest';
import { replyAfter, selfNamed, vocatives } from '../../src/quotes/dialogue.js';
import { who } from './who.js';


describe('vocatives, replies and self-introductions', () => {
  it.each([
    ["It couldn't be helped if we have, Sam", ['Sam']],
    ['Tom, we are in a fix.', ['Tom']],
    ['Oh--er--Mr. Strong, is that you?', ['Mr. Strong']],
    ["Let that stuff alone for a time. You're fine, Dick, but what does it all mean?", ['Dick']],
    ['Oh, are you Dick Rover? I heard about you.', ['Dick Rover']],
    ["Why, it's Nora Sharey!", []],
    ['Well, I am glad, Sir.', []],
    ['We went to London, Paris and Rome.', []],
  ])('given the words %j, when their vocatives are read, then %j', (words, want) => {
    expect(vocatives(words)).toEqual(want);
  });

  it('given the words after a quotation, when a reply noun follows, then the name before it, or "" for an unnamed reply', () => {
    expect(replyAfter(" was Fred's reply, and then he rushed down")).toBe('Fred');
    expect(replyAfter(" was Wilbur Poole's answer, and he opened")).toBe('Wilbur Poole');
    expect(replyAfter(' was the reply. ')).toBe('');
    expect(replyAfter(' came the answer.')).toBe('');
    expect(replyAfter(' \n\nIt was Sam who spoke, from the bow of the boat.')).toBe('Sam');
    expect(replyAfter(' he said.')).toBeNull();
    expect(replyAfter(' was all he said.')).toBeNull();
  });

  it('given words in which the speaker gives a name, then that name; otherwise null', () => {
    expect(selfNamed("So am I. My name is Stanley Browne. What's yours?")).toBe('Stanley Browne');
    expect(selfNamed('I am Jack Ness, the man who works over on the farm.')).toBe('Jack Ness');
    expect(selfNamed("I'm sure it was him.")).toBeNull();
  });
});

describe('turns of dialogue that name no speaker', () => {
  it('given a turn that addresses someone by name, when a bare turn answers it, then the one addressed', () => {
    expect(who('"Dick, we have made two enemies," remarked Sam to his brother as they watched them go.', '"It could not be helped, Sam," was the reply.', '"Not in the least."')).toEqual([
      ['Dick, we have made two enemies', 'Sam'],
      ['It could not be helped, Sam', 'Dick'],
      ['Not in the least.', 'Sam'],
    ]);
  });

  it('given bare turns that address each other by name, when no attribution names anyone, then each is by the one the reply addresses', () => {
    expect(who('The two brothers sat in the dark.', '"Tom, we are in a fix."', '"So it would seem, Sam. What shall we do?"', '"Try to get free."')).toEqual([
      ['Tom, we are in a fix.', 'Sam'],
      ['So it would seem, Sam. What shall we do?', 'Tom'],
      ['Try to get free.', 'Sam'],
    ]);
  });

  it('given two turns by two people, the last of two quotations, when a bare turn follows, then the one before the last', () => {
    expect(who('"What did you run over?" asked Sam.', '"Look for yourself," answered Dick. "This is an outrage!"', '"Do you think the chauffeur did it?"')).toEqual([
      ['What did you run over?', 'Sam'],
      ['Look for yourself', 'Dick'],
      ['This is an outrage!', 'Dick'],
      ['Do you think the chauffeur did it?', 'Sam'],
    ]);
  });

  it('given "he said" after words that name or address people, then none of them: someone else the text knows', () => {
    expect(who('Philip waited at the door while Mr. Stelling spoke to the surgeon. Mr. Stelling nodded.', '"Mr. Stelling says you will walk again, Tom," he said. "I asked him myself."')).toEqual([
      ['Mr. Stelling says you will walk again, Tom', 'Philip'],
      ['I asked him myself.', 'Philip'],
    ]);
  });

  it('given "came from" after a quotation, or one of a group as the subject, then that speaker', () => {
    expect(who('"A fight! a fight!" came from the crowd.')).toEqual([['A fight! a fight!', 'the crowd']]);
    expect(who('"Look out, Rover!" said one of the seniors.')).toEqual([['Look out, Rover!', 'one of the seniors']]);
    expect(who('"Do him up brown!" came from Larkspur, who was present.')).toEqual([['Do him up brown!', 'Larkspur']]);
  });

  it('given a "she" nobody is named for before her words, when a later turn addresses a woman by name, then her', () => {
    expect(who('Philip waited in the hall until his guest came down.', '"Well, you see what I look like," she remarked.', '"You look quite all right," he replied. "What a wonderful city this is, Martha!"')).toEqual([
      ['Well, you see what I look like', 'Martha'],
      ['You look quite all right', 'Philip'],
      ['What a wonderful city this is, Martha!', 'Philip'],
    ]);
  });

  it('given a turn that addresses someone by name, when the next turn opens with "he replied", then the one addressed; "he added" goes on', () => {
    expect(who('The scout came in with Tom.', '"Anything wrong, Dobri?" asked Tom.', '"God knows!" he replied in a solemn tone.')).toEqual([
      ['Anything wrong, Dobri?', 'Tom'],
      ['God knows!', 'Dobri'],
    ]);
    expect(who('The scout came in with Tom.', '"Anything wrong, Dobri?" asked Tom.', '"Tell me," he added.')).toEqual([
      ['Anything wrong, Dobri?', 'Tom'],
      ['Tell me', 'Tom'],
    ]);
  });

  it('given a quotation that opens a chapter, when the next sentence is "It was Sam who spoke", then Sam', () => {
    expect(who('CHAPTER XX', '"Well, this looks like a wild goose chase."', 'It was Sam who spoke, from the bow of the motor-boat.')).toEqual([['Well, this looks like a wild goose chase.', 'Sam']]);
  });

  it('given a reply with its speaker in a possessive ("was Buster\'s opinion"), then that speaker', () => {
    expect(who('"Maybe he was wandering," suggested Ben.', '"It is a terrible thing for the family," was Buster\'s opinion; and the other lads agreed.')).toEqual([
      ['Maybe he was wandering', 'Ben'],
      ['It is a terrible thing for the family', 'Buster'],
    ]);
  });

  it('given an attribution that names whom a turn was said to, when a bare turn follows, then that person answers', () => {
    expect(who('"Boys, open the door!" said George Strong.', '"Answer him!" whispered Tom to Larry, whose bed was nearest him.', '"Oh, is that you?"')).toEqual([
      ['Boys, open the door!', 'George Strong'],
      ['Answer him!', 'Tom'],
      ['Oh, is that you?', 'Larry'],
    ]);
  });

  it('given a woman named only in the dialogue, when "she said" follows, then her, not a heading in capitals', () => {
    expect(who('CHAPTER XXIV', 'Captain Richard Beverley stopped short in the smoking room.', '"Why, it\'s Nora Sharey!" he exclaimed.', '"Well, I am glad you know me at last," she said, laughing.')).toEqual([
      ["Why, it's Nora Sharey!", 'Richard Beverley'],
      ['Well, I am glad you know me at last', 'Nora Sharey'],
    ]);
  });

  it('given a bare turn in which the speaker names themselves, then that name', () => {
    expect(who('"Freshmen?" the tall boy asked.', '"Yes," answered Dick.', '"So am I. My name is Stanley Browne."')).toEqual([
      ['Freshmen?', 'the tall boy'],
      ['Yes', 'Dick'],
      ['So am I. My name is Stanley Browne.', 'Stanley Browne'],
    ]);
  });

  it.each([
    ['"I don\'t think so," returned Dave.', 'Dave'],
    ['"Gee, this is something fierce!" panted Andy.', 'Andy'],
    ['"How can that be?" questioned Andy.', 'Andy'],
    ['"I couldn\'t stay," Dave confessed.', 'Dave'],
  ])('given a story\'s speech verb after the quotation (%j), then its subject speaks', (sentence, speaker) => {
    expect(who(sentence)[0]![1]).toBe(speaker);
  });

  it('given a verb that reports speech only after a quotation, when it stands elsewhere, then it attributes nothing', () => {
    expect(who('Dave returned "the book" to the library.')[0]![1]).toBeNull();
  });

  it('given a bare turn opening with a capitalised ordinary word and a comma (“True, but …”, “Come, …”), then that word is no one spoken to and the turns alternate', () => {
    expect(who('"Will you come to the cliffs today, Williams?" asked Young.', '"No," answered Williams. "I must finish this spade."', '"That is no reason to stay."', '"True, but I have another reason."', '"You are right. What is Martin doing?"').slice(-3)).toEqual([
      ['That is no reason to stay.', 'Young'],
      ['True, but I have another reason.', 'Williams'],
      ['You are right. What is Martin doing?', 'Young'],
    ]);
    expect(who('"Will you come, Tom?" asked Young.', '"No," answered Tom.', '"Come, it is not far."', '"Well, then I will."').slice(-2)).toEqual([
      ['Come, it is not far.', 'Young'],
      ['Well, then I will.', 'Tom'],
    ]);
  });
});
