import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { analyzeQuotations, canonicalSpeaker, filterQuotations, findQuotations, quotationJson, speakerTable } from '../../src/quotes/index.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH } from '../helpers/paths.js';

const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const doc = buildDocument({ id: DEFAULT_DOC, path: DEFAULT_DOC, text });
const { quotations, speakers } = analyzeQuotations(doc);

/** Every quotation in the default document, in order, as the text says it. */
const EXPECTED = [
  {
    paragraph: 0,
    quote: 'multilateralism and joint action',
    speaker: 'Kofi Annan',
    cue: 'stresses',
    addressee: null,
    setting: 'at meeting on UN-regional cooperation',
  },
  {
    paragraph: 2,
    quote:
      'We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts to address the challenges of today’s world',
    speaker: 'Kofi Annan',
    cue: 'told',
    addressee: 'the heads of more than 20 regional and other intergovernmental organizations',
    setting: null,
  },
  {
    paragraph: 3,
    quote:
      'There is a better recognition that we have to work together in a much more complicated world than a decade ago, and also to find a truly effective division of labour',
    speaker: 'Kofi Annan',
    cue: 'said',
    addressee: null,
    setting: 'in a closed-door meeting at UN headquarters',
  },
  {
    paragraph: 4,
    quote: 'new level of clarity, practicality and seriousness',
    speaker: 'Kofi Annan',
    cue: 'called for',
    addressee: null,
    setting: 'the Council’s discussions on Wednesday',
  },
  {
    paragraph: 5,
    quote:
      'Much as we have strengthened our capacities over the years, it is essential that we do even more… the breadth of our involvement in mediation efforts, the growing awareness of the fragility of post-conflict situations, and the increased emphasis on prevention, have also been major features in our work',
    speaker: 'Kofi Annan',
    cue: 'told',
    addressee: 'the Council',
    setting: null,
  },
];

describe('findQuotations on the default document', () => {
  it('given the UN News article, when indexed, then exactly its five quotations are found, in order, with speaker, cue, addressee and setting', () => {
    expect(quotations.map(({ paragraph, quote, speaker, cue, addressee, setting }) => ({ paragraph, quote, speaker, cue, addressee, setting }))).toEqual(EXPECTED);
  });

  it('given any found quotation, when its offsets are sliced from the stored text, then the slice is the quote and it sits between quotation marks', () => {
    for (const q of quotations) {
      expect(q.doc).toBe(DEFAULT_DOC);
      expect(text.slice(q.start, q.end)).toBe(q.quote);
      expect(text[q.start - 1]).toMatch(/[“‘]/u);
      expect(text.slice(q.end, q.end + 2)).toMatch(/^,?[”’]/u);
    }
  });

  it('given the pronoun quotations (“…,” he told / he said), when attributed, then "he" resolves to Annan across paragraph breaks', () => {
    // ¶2 and ¶3 say only "he"; the name is in ¶1. ¶5 says "he"; the name is in ¶4.
    for (const n of [2, 3, 5]) {
      const q = quotations.find((x) => x.paragraph === n)!;
      const para = doc.paragraphs.find((p) => p.n === n)!;
      expect(text.slice(q.end, para.end)).toMatch(/^,” he (told|said)/u);
      expect(q.speaker).toBe('Kofi Annan');
    }
  });

  it('given apostrophes (Today’s, Council’s, Annan’s, today’s), when scanning, then none opens or closes a quotation', () => {
    const apostrophes = [...text.matchAll(/\p{L}’\p{L}/gu)].map((m) => m.index! + 1);
    expect(apostrophes.length).toBeGreaterThanOrEqual(5);
    for (const a of apostrophes) {
      for (const q of quotations) {
        expect(a).not.toBe(q.start - 1);
        expect(a).not.toBe(q.end);
      }
    }
    expect(quotations.some((q) => /^s /.test(q.quote))).toBe(false);
  });

  it('given the repeated title (boilerplate), when indexed, then its copy of the headline quote is not listed twice', () => {
    expect(quotations.filter((q) => q.quote === 'multilateralism and joint action')).toHaveLength(1);
  });

  it('given reported speech without quotation marks (¶1, ¶7, ¶8), when indexed, then it is not a quotation', () => {
    expect(quotations.map((q) => q.paragraph)).not.toContain(1);
    expect(quotations.map((q) => q.paragraph)).not.toContain(7);
    expect(quotations.map((q) => q.paragraph)).not.toContain(8);
  });

  it('given a quotation, when turned into JSON, then its fields keep their order', () => {
    expect(Object.keys(quotationJson(quotations[0]!))).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'speaker', 'cue', 'addressee', 'setting']);
  });
});

describe('canonicalSpeaker', () => {
  it('given the forms of Annan’s name in the document, when canonicalised with its alias table, then they are one speaker', () => {
    for (const name of ['Secretary-General Kofi Annan', 'Mr. Annan', 'Annan', 'Kofi Annan', 'the Secretary-General', 'Mr. Annan’s']) {
      expect(canonicalSpeaker(name, speakers)).toBe('Kofi Annan');
    }
  });

  it('given organisation mentions, when canonicalised with the alias table, then "the Council" is the Security Council and ASEAN its full name', () => {
    expect(canonicalSpeaker('the Council', speakers)).toBe('Security Council');
    expect(canonicalSpeaker('ASEAN', speakers)).toBe('Association of South-East Asian Nations');
  });

  it('given no alias table, when canonicalised, then titles and honorifics are dropped and unknown roles kept as written', () => {
    expect(canonicalSpeaker('Secretary-General Kofi Annan')).toBe('Kofi Annan');
    expect(canonicalSpeaker('Foreign Minister Maria Lopez')).toBe('Maria Lopez');
    expect(canonicalSpeaker('Mr. Annan')).toBe('Annan');
    expect(canonicalSpeaker('the minister')).toBe('the minister');
  });
});

describe('filterQuotations', () => {
  const aliases = speakerTable(doc);

  it('given a speaker in any form, when filtering, then all of Annan’s quotations match and an unknown speaker matches none', () => {
    for (const s of ['Annan', 'Mr. Annan', 'Secretary-General Kofi Annan', 'kofi annan']) {
      expect(filterQuotations(quotations, { speaker: s }, { aliases })).toHaveLength(5);
    }
    expect(filterQuotations(quotations, { speaker: 'the Secretary-General' }, { aliases })).toHaveLength(5);
    expect(filterQuotations(quotations, { speaker: 'Ban Ki-moon' }, { aliases })).toHaveLength(0);
  });

  it('given an addressee named loosely, when filtering by "to", then the Council and the regional organisations are found', () => {
    const council = filterQuotations(quotations, { speaker: 'Annan', to: 'the Council' }, { aliases });
    // ¶5 told the Council; ¶4 was said at the Council's discussions (its setting).
    expect(council.map((q) => q.paragraph)).toEqual([4, 5]);
    expect(filterQuotations(quotations, { to: 'Security Council' }, { aliases }).map((q) => q.paragraph)).toEqual([4, 5]);
    expect(filterQuotations(quotations, { to: 'regional organizations' }, { aliases }).map((q) => q.paragraph)).toEqual([2]);
    expect(filterQuotations(quotations, { to: 'NATO' }, { aliases })).toEqual([]);
  });

  it('given a topic, when filtering by "about", then relevant quotations come first and unrelated ones are left out', () => {
    expect(filterQuotations(quotations, { about: 'prevention' }, { docs: [doc] }).map((q) => q.paragraph)).toEqual([5]);
    expect(filterQuotations(quotations, { about: 'division of labour' }, { docs: [doc] })[0]!.paragraph).toBe(3);
    expect(filterQuotations(quotations, { about: 'a new level of clarity' }, { docs: [doc] })[0]!.paragraph).toBe(4);
    expect(filterQuotations(quotations, { about: 'climate change' }, { docs: [doc] })).toEqual([]);
    expect(filterQuotations(quotations, { about: 'the of and' }, { docs: [doc] })).toEqual([]);
  });

  it('given no filter, when filtering, then every quotation is kept in document order', () => {
    expect(filterQuotations(quotations, {})).toEqual(quotations);
    expect(findQuotations(doc)).toEqual(quotations);
  });
});
