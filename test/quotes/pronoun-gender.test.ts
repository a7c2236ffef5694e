/**
 * "he" and "she" name a person of that gender: genders come from first names (compromise's lists, then the usual
 * gender of a first name compromise knows without one: "Mark", "Sue"), and a quotation whose own attribution is
 * "she said" never goes to a man (nor "he said" to a woman). Synthetic news paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { findQuotations, speakerTable } from '../../src/quotes/index.js';

const doc = (text: string) => buildDocument({ id: 't', path: 't', text });
const who = (text: string) => findQuotations(doc(text)).map((q) => [q.quote, q.speaker]);
const genders = (text: string) => Object.fromEntries(speakerTable(doc(text)).entries.map((e) => [e.canonical, e.gender]));

describe('pronouns and the gender of the person they name', () => {
  it('given first names compromise knows without a gender ("Sue", "Mark"), when the speaker table is built, then they take the usual gender of the name', () => {
    expect(genders('Sue Smith met Mark Evans and Jack Brown on Monday.')).toMatchObject({ 'Sue Smith': 'female', 'Mark Evans': 'male', 'Jack Brown': 'male' });
  });

  it('given "he told reporters" after a woman spoke, when attributed, then the man the story is about (not the woman)', () => {
    expect(who("Police were called to the home of Kevin Jones. His neighbour Sue Smith said: 'It was awful.' He was arrested at the scene. 'I did nothing wrong,' he told reporters.")).toEqual([
      ['It was awful.', 'Sue Smith'],
      ['I did nothing wrong', 'Kevin Jones'],
    ]);
    expect(who("Prosecutor Karen Hill told the jury that Mark Evans had lied. Evans, 52, denies the charges. 'He is a dangerous man,' she said.")).toEqual([['He is a dangerous man', 'Karen Hill']]);
  });

  it('given a lone first name ("her husband Chris"), when the speaker table is built, then it has the name\'s gender; a lone surname alias of a full name gives none', () => {
    expect(genders('Sam Taylor and her husband Chris moved to Spain in 2010.')).toMatchObject({ Chris: 'male' });
    expect(genders('Scherie Douglas, a BP adviser, wrote to the engineer. Douglas reported a problem.')).toMatchObject({ 'Scherie Douglas': null });
  });

  it('given "she said" and only a man spoke before it, when the ranker fills the speaker, then not the man', () => {
    expect(who("Jordan Hill was named captain. Coach Mike Davis praised her leadership. 'She is a natural,' he said. 'I am honoured,' she said.")).toEqual([
      ['She is a natural', 'Mike Davis'],
      ['I am honoured', null],
    ]);
  });
});
