import { describe, expect, it } from 'vitest';
import { questionLanguage } from '../../src/understand/language.js';
import { loadLanguageCorpus } from '../helpers/intent-report.js';

describe('questionLanguage', () => {
  it.each([
    ["Qu'a dit Annan au Conseil de sécurité ?", 'fr'],
    ['¿Qué dijo Annan sobre el multilateralismo?', 'es'],
    ['Was hat Annan über die regionalen Organisationen gesagt?', 'de'],
  ])('given "%s", then its language is %s', (q, lang) => {
    expect(questionLanguage(q)).toBe(lang);
  });

  it.each(['Quali organizzazioni hanno partecipato alla riunione?', 'O que Annan disse sobre a cooperação regional?'])('given "%s", then it is not English (Italian and Portuguese share function words with Spanish)', (q) => {
    expect(questionLanguage(q)).not.toBe('en');
  });

  it.each(['What did Annan tell the Council?', 'Where was the meeting?', 'Annan?', 'Who is Kofi Annan', 'What is the role of NATO in Europe?'])('given the English "%s", then it is English', (q) => {
    expect(questionLanguage(q)).toBe('en');
  });
});

describe('questionLanguage: other scripts, short English, and the tinyld step', () => {
  it.each([
    ['Что сказал Аннан о Совете Безопасности?', 'ru'],
    ['会议在哪里举行？', 'zh'],
    ['アナンは安保理に何と言いましたか？', 'ja'],
    ['ماذا قال عنان لمجلس الأمن؟', 'ar'],
    ['아난은 안보리에 무엇을 말했습니까?', 'ko'],
  ])('given "%s" in a non-Latin script, then its language is %s', (q, lang) => {
    expect(questionLanguage(q)).toBe(lang);
  });

  it.each(['Bartomeu', 'Lil Wayne', 'Dakar?', 'tl;dr', 'gm', 'Who is Muñoz?', 'tell me about El Niño', 'what happened in São Paulo', 'Why did Müller leave the team?'])(
    'given the short English message or name "%s", then it is English',
    (q) => {
      expect(questionLanguage(q)).toBe('en');
    },
  );

  it.each([
    ['Co Annan powiedział Radzie Bezpieczeństwa?', 'pl'],
    ['Vem talade först på mötet i Addis Abeba?', 'sv'],
  ])('given "%s", whose function words no stopword list holds, then the language identifier names it (%s)', (q, lang) => {
    expect(questionLanguage(q)).toBe(lang);
  });
});

describe('questionLanguage on the held-out language corpus (test/fixtures/understand/language-heldout.jsonl)', () => {
  it('given 12 non-English questions and 16 English messages, then every non-English one is caught and at least 14 English ones stay English', () => {
    const rows = loadLanguageCorpus('heldout');
    const foreign = rows.filter((r) => r.lang !== 'en');
    const english = rows.filter((r) => r.lang === 'en');
    expect(foreign.filter((r) => questionLanguage(r.text) !== 'en')).toHaveLength(foreign.length);
    expect(english.filter((r) => questionLanguage(r.text) === 'en').length).toBeGreaterThanOrEqual(14);
  });
});
