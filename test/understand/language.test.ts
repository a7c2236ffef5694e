import { describe, expect, it } from 'vitest';
import { questionLanguage } from '../../src/understand/language.js';

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
