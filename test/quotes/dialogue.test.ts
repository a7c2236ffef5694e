/**
 * Turns of dialogue (stories for children, exam passages): a paragraph of bare quoted words after two turns by two
 * people is the other person's turn; in news copy, a bare quotation after a quotation in a longer paragraph
 * continues its speaker.
 */
import { describe, expect, it } from 'vitest';
import { who } from './who.js';


describe('turns of dialogue', () => {
  it('given two tagged turns by two people, when bare turns follow in their own paragraphs, then they alternate between the two', () => {
    expect(who('"Hello there!" said Tim.', '"Hi!" said Sam.', '"Do you want to play?"', '"Yes, I do!"')).toEqual([
      ['Hello there!', 'Tim'],
      ['Hi!', 'Sam'],
      ['Do you want to play?', 'Tim'],
      ['Yes, I do!', 'Sam'],
    ]);
  });

  it('given a quotation inside a longer news paragraph before the last speaker\'s, when a bare quotation follows, then it continues the last speaker', () => {
    expect(
      who(
        'The council voted on Monday to close the library, which has served the town for 80 years. "It is a sad day," said Jane Smith.',
        '"We had no choice," said council leader Tom Hill.',
        '"The money has run out."',
      ),
    ).toEqual([
      ['It is a sad day', 'Jane Smith'],
      ['We had no choice', 'Tom Hill'],
      ['The money has run out.', 'Tom Hill'],
    ]);
  });

  it('given a dialogue whose first turn ends a narrated paragraph ("… freely. “…” Lady Ann said.") and a tagged reply, when bare turns follow, then they alternate from that first speaker', () => {
    expect(
      who(
        'The Duke had an interview with Lady Ann, at which she spoke her mind. "I do not think she cares for him," Lady Ann said.',
        '"I am sure I do not know why she should," said the Duke.',
        '"But as we had thought--"',
        '"She ought to do as she is told."',
        '"Then she will not."',
      ),
    ).toEqual([
      ['I do not think she cares for him', 'Ann'],
      ['I am sure I do not know why she should', 'Duke'],
      ['But as we had thought--', 'Ann'],
      ['She ought to do as she is told.', 'Duke'],
      ['Then she will not.', 'Ann'],
    ]);
  });

  it('given bare words right after words that address someone by name, with nothing between (a lost paragraph break), then that person replies; without a name or with narration between, the speaker goes on', () => {
    expect(who('"Run to earth!" Harry said.', '"But which way, Charlie? He may go back again." "It is hardly likely he came here for the night, Harry."')).toEqual([
      ['Run to earth!', 'Harry'],
      ['But which way, Charlie? He may go back again.', 'Harry'],
      ['It is hardly likely he came here for the night, Harry.', 'Charlie'],
    ]);
    expect(who('"Run to earth!" Harry said.', '"But which way? He may go back again." "He is bound for London."')).toEqual([
      ['Run to earth!', 'Harry'],
      ['But which way? He may go back again.', 'Harry'],
      ['He is bound for London.', 'Harry'],
    ]);
    expect(who('"Run to earth!" Harry said.', '"But which way, Charlie?" Harry looked down the road. "He may go back again."')).toEqual([
      ['Run to earth!', 'Harry'],
      ['But which way, Charlie?', 'Harry'],
      ['He may go back again.', 'Harry'],
    ]);
  });

  it('given an animal or a child of a story as the subject ("thought the frog", "said the little bird"), when attributed, then that character', () => {
    expect(who('The frog looked at the pond. "I wish I could fly," thought the frog. "Me too," said the little bird.')).toEqual([
      ['I wish I could fly', 'the frog'],
      ['Me too', 'the little bird'],
    ]);
  });

  it('given a one-word answer with its own attribution (“No,” he answered), when a bare turn follows, then the turns alternate past it as past any other turn', () => {
    expect(who('"Will you come to the cliffs, Williams?" asked Young.', '"No," answered Williams. "I must finish this spade."', '"That is no reason to stay."', '"True, but I have another."').slice(-2)).toEqual([
      ['That is no reason to stay.', 'Young'],
      ['True, but I have another.', 'Williams'],
    ]);
  });

  it('given narration between two turns about the one who speaks next, naming no one else, when a bare turn follows, then the turns still alternate', () => {
    const turns = ['"I am going to the cliffs today," said Young.', 'Williams was busy at the forge. Resting his hammer, Williams looked up.', '"Not today," answered Williams. "I must finish this spade."', '"That is no reason to stay."'];
    expect(who(...turns).slice(-1)).toEqual([['That is no reason to stay.', 'Young']]);
  });

  it('given a dialogue, when a paragraph is only words of address in capitals (“Certainly, Lady Cantrip.”), then it is a turn with a speaker, not a title', () => {
    expect(who('"Will you help me with Mary?" asked the Duke.', '"I will try," said Lady Cantrip.', '"Then tell me what you think."', '"Perhaps you will let me say it plainly."', '"Certainly, Lady Cantrip."', '"Mary is a very peculiar girl."', '"But what?"').slice(-3)).toEqual([
      ['Certainly, Lady Cantrip.', 'Duke'],
      ['Mary is a very peculiar girl.', 'Cantrip'],
      ['But what?', 'Duke'],
    ]);
  });
});
