/**
 * Understand: from a sanitised message and the conversation so far to what
 * is asked — the intent, the standalone question (follow-ups resolved),
 * the words to search for and to score sentences by (request words
 * removed), the kind of answer wanted, and the language.
 */
import type { Conversation, Quotation } from '../types.js';
import { terms } from '../retrieve/terms.js';
import { answerType, type AnswerType } from './answer-type.js';
import { withoutGenericNouns } from './generic.js';
import { resolveFollowUp, type Resolved } from './followup.js';
import { classify, type Intent } from './intent.js';
import { questionLanguage } from './language.js';
import { withoutAddress, withoutRequestWords } from './request.js';
import { parseQuoteIntent, type QuoteIntent } from './said.js';

export interface Understanding extends Resolved {
  /** The message as asked (sanitised). */
  asked: string;
  intent: Intent;
  /** The attribution shape of a question ("what did X tell Y", "who said X"), else null. */
  said: QuoteIntent;
  /** What sentences are scored against: the standalone question without request words. */
  scoringText: string;
  /** What retrieval searches for: the scoring text plus, for a follow-up, what the conversation established. */
  query: string;
  answerType: AnswerType | null;
  /** ISO 639-1 code; 'en' unless the question's function words say otherwise. */
  language: string;
  /** Earlier turns of the conversation asked about the documents: its subject is established. */
  established: boolean;
  /** How many of the scoring text's terms the asker typed (a name a pronoun was resolved to is not counted). */
  ownTerms: number;
  /**
   * The query in the asker's own words, when correcting them (typos, informal words) changed it: an embedding model
   * reads "Anan" and "cops" well enough, so the query's embedding, started ahead from the message as written, serves.
   */
  written?: string;
}

/**
 * @example
 * understand('Cite the part on capacity-building', undefined, quotations).scoringText; // 'capacity-building'
 * understand('What did Anan tell the Council?', undefined, quotations, fix).standalone; // 'What did annan tell the Council?'
 * understand('And what did he tell the regional organizations?', conversation, quotations).standalone; // '… Annan …'
 */
export function understand(asked: string, conversation: Conversation | undefined, quotations: Quotation[], correct: (text: string) => string = (t) => t): Understanding {
  const intent = classify(asked);
  const language = questionLanguage(asked);
  const established = (conversation?.turns ?? []).some((t) => t.answer.intent !== 'chat');
  const base = { asked, intent, language, established, said: null as QuoteIntent, ownTerms: 0 };
  if (intent.kind === 'chat' || intent.kind === 'paragraph' || intent.kind === 'summary') {
    const text = intent.kind === 'summary' && intent.focus ? intent.focus : '';
    return { ...base, standalone: asked, context: '', kind: 'new', shown: [], focus: [], scoringText: text, query: text, answerType: null };
  }
  // Typos are corrected toward the documents' words ("Anan" → "annan") before anything reads the words.
  // A question after how it addresses the bot ("hey bot who was driving the bus"): "bot" is no word of the question.
  const own = intent.kind === 'quote' ? intent.topic : withoutAddress(asked);
  const corrected = correct(own);
  const resolved = resolveFollowUp(corrected, conversation, quotations);
  // A quote request for someone's words ("Biden's exact words") is answered from their quotations first.
  const said: QuoteIntent = intent.kind === 'question' ? parseQuoteIntent(resolved.standalone) : intent.kind === 'quote' && intent.speaker ? { kind: 'said', speaker: intent.speaker } : null;
  // In a follow-up, "name", "year", "cost" say what kind of answer is wanted about what the conversation established.
  const scoringText = withoutRequestWords(resolved.kind === 'followup' ? withoutGenericNouns(resolved.standalone) : resolved.standalone);
  const inserted = new Set(terms(resolved.resolvedName ?? ''));
  return {
    ...base,
    ...resolved,
    said,
    scoringText,
    ownTerms: terms(scoringText).filter((t) => !inserted.has(t)).length,
    query: resolved.context ? `${scoringText} ${resolved.context}` : scoringText,
    answerType: intent.kind === 'question' ? answerType(resolved.standalone) : null,
    ...(corrected !== own && resolved.kind === 'new' && !resolved.context ? { written: withoutRequestWords(own) } : {}),
  };
}
