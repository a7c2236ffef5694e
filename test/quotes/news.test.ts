import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { findQuotations } from '../../src/quotes/index.js';
import { ROOT } from '../helpers/paths.js';

/** Hand-written news-style articles (test/fixtures/news). */
const load = (name: string) => {
  const id = `test/fixtures/news/${name}.txt`;
  const text = readFileSync(path.join(ROOT, id), 'utf8');
  const doc = buildDocument({ id, path: id, text });
  return { doc, text, qs: findQuotations(doc) };
};
const row = (q: ReturnType<typeof findQuotations>[number]) => [q.paragraph, q.quote, q.speaker, q.cue, q.addressee, q.setting];

describe('quotations in hand-written news paragraphs', () => {
  const climate = load('climate-talks');
  const clinic = load('clinic-funding');
  const hunger = load('hunger-report');

  it('given every fixture, when indexed, then every span is verbatim', () => {
    for (const { text, qs } of [climate, clinic, hunger]) {
      expect(qs.length).toBeGreaterThan(0);
      for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.quote);
    }
  });

  it('given two speakers in one paragraph (“…,” said Ms. Lopez, but Mr. Tanaka warned that “…”), when attributed, then each quote has its own speaker', () => {
    const p2 = climate.qs.filter((q) => q.paragraph === 2).map(row);
    expect(p2).toEqual([
      [2, 'We will cut emissions by half before 2030', 'Maria Lopez', 'said', null, null],
      [2, 'nothing has changed on the ground', 'Kenji Tanaka', 'warned', null, null],
    ]);
  });

  it('given "he told reporters at a news conference", when attributed, then the pronoun, the addressee and the setting are found', () => {
    expect(row(climate.qs.find((q) => q.paragraph === 3)!)).toEqual([3, 'The money is simply not there', 'Kenji Tanaka', 'told', 'reporters', 'at a news conference']);
  });

  it('given "she said" after a paragraph whose latest named person is a man, when attributed, then "she" is the most recent female speaker', () => {
    // ¶4: "Ms. Lopez rejected that view. Mr. Tanaka’s ministry has not published its figures."
    expect(row(climate.qs.find((q) => q.paragraph === 5)!)).toEqual([5, 'We have heard promises before, and we have seen them broken', 'Maria Lopez', 'said', null, null]);
  });

  it('given an organisation speaking in a statement, when attributed, then the organisation is the speaker and the statement the setting', () => {
    expect(row(climate.qs.find((q) => q.paragraph === 6)!)).toEqual([6, 'review every commitment', 'Ministry of Trade', 'said', null, 'in a statement']);
  });

  it('given a speaker named after the quote ("…," said the minister.), when attributed, then the role resolves to the minister the text named', () => {
    expect(row(clinic.qs[0]!)).toEqual([2, 'We came here to listen. We will not leave until the job is done', 'Amina Okafor', 'said', null, null]);
  });

  it('given a quote whose paragraph ends without a closing mark and continues in the next paragraph, when indexed, then it is one quotation spanning both', () => {
    const q = clinic.qs[1]!;
    expect(q.quote).toBe('Clinics are running out of supplies.\n\n“Without new funding, most of them will close by March.');
    expect([q.paragraph, q.speaker, q.cue, q.setting]).toEqual([3, 'Amina Okafor', 'said', 'at a press conference in Kano']);
    const paras = clinic.doc.paragraphs.filter((p) => p.n === 3 || p.n === 4);
    expect(q.start).toBeGreaterThan(paras[0]!.start);
    expect(q.end).toBeLessThan(paras[1]!.end);
    // The continuation's opening mark is not the start of another quotation.
    expect(clinic.qs.filter((x) => x.paragraph === 4)).toEqual([]);
  });

  it('given a quote nested in a quote, when indexed, then both are found and the inner one is attributed inside the outer', () => {
    const p5 = clinic.qs.filter((q) => q.paragraph === 5).map(row);
    expect(p5).toEqual([
      [5, 'The donors told us, ‘We are ready to help,’ but nothing has arrived', 'Amina Okafor', 'added', null, null],
      [5, 'We are ready to help', 'the donors', 'told', 'us', null],
    ]);
  });

  it('given a follow-on quote sentence with no attribution of its own, when attributed, then it keeps the last speaker and claims no cue', () => {
    const p6 = clinic.qs.filter((q) => q.paragraph === 6).map(row);
    expect(p6).toEqual([
      [6, 'We are rationing insulin', 'Ibrahim Musa', 'said', null, null],
      [6, 'Some patients have stopped coming.', 'Ibrahim Musa', null, null, null],
    ]);
  });

  it('given straight quotes, "according to a press release", "the agency" and "Officials told the Security Council", when attributed, then source, organisation and addressee are right', () => {
    expect(hunger.qs.map(row)).toEqual([
      // (round 9: the medium is not the speaker — "a press release issued by the World Food Programme" is the WFP's)
      [1, 'Millions of people face acute hunger this year', 'World Food Programme', 'according to', null, null],
      [2, 'urgent and sustained', 'World Food Programme', 'said', null, null],
      [2, 'time is running out', 'officials', 'told', 'the Security Council', null],
      [3, "We can't wait for the next harvest", 'David Beasley', 'said', null, null],
      [3, 'Children are already dying.', 'David Beasley', null, null, null],
    ]);
  });

  it("given straight apostrophes (can't, agency's, Council's, didn't, Delegates'), when scanning, then none is mistaken for a quotation mark", () => {
    expect(hunger.qs.filter((q) => q.paragraph === 4)).toEqual([]);
    for (const q of hunger.qs) expect(q.quote).not.toMatch(/^(?:s|t) /);
  });
});

describe('quotation marks in tricky places', () => {
  const quotesOf = (text: string) => findQuotations(buildDocument({ id: 't', path: 't', text })).map((q) => q.quote);

  it('given a plural possessive inside a single-quoted phrase, when scanning, then the phrase ends at its real closing mark', () => {
    expect(quotesOf('Officials called it ‘the members’ last chance’ on Friday, the agency said.')).toEqual(['the members’ last chance']);
  });

  it('given an elision (the ’90s) and an unclosed opening single mark, when scanning, then neither becomes a quotation', () => {
    expect(quotesOf('In the ’90s the ‘90s style reports were common, the agency said.')).toEqual([]);
  });

  it('given "they" after a group spoke, when attributed, then it resolves to that group rather than an earlier organisation', () => {
    const text = 'Farm talks\n\nOfficials from the Ministry of Agriculture met farmers on Monday.\n\n“Prices must rise,” the farmers said.\n\n“We cannot survive another season,” they added.';
    const qs = findQuotations(buildDocument({ id: 't', path: 't', text }));
    expect(qs.map((q) => [q.quote, q.speaker, q.cue])).toEqual([
      ['Prices must rise', 'the farmers', 'said'],
      ['We cannot survive another season', 'the farmers', 'added'],
    ]);
  });

  it('given guillemets and an empty pair of marks, when scanning, then the guillemet quote is found and the empty one skipped', () => {
    expect(quotesOf('«We are ready,» said the minister. He wrote “” twice.')).toEqual(['We are ready']);
  });
});
