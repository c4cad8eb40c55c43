import { describe, expect, it } from 'vitest';
import { FEEDBACK_ANSWERS, FEEDBACK_QUESTIONS } from '../../../contracts/mediation.js';
import { FEEDBACK_LANGUAGES, FEEDBACK_WORDS, feedbackLanguageFor, wordsOf } from './feedback-words.js';

describe('the feedback page’s language', () => {
  it('opens in the request’s language when the page speaks it', () => {
    for (const code of ['ar', 'ur', 'pa', 'sq', 'ro', 'uk', 'es', 'fr', 'en', 'it'])
      expect(feedbackLanguageFor(code), code).toEqual({ language: code, fallback: false });
    expect(feedbackLanguageFor(' AR ')).toEqual({ language: 'ar', fallback: false });
  });

  it('falls back to French for Wolof, Bambara and Fula, to English otherwise, with Italian beside', () => {
    for (const code of ['wo', 'bm', 'ff'])
      expect(feedbackLanguageFor(code)).toEqual({ language: 'fr', fallback: true });
    expect(feedbackLanguageFor('ti')).toEqual({ language: 'en', fallback: true });
    expect(feedbackLanguageFor(null)).toEqual({ language: 'en', fallback: true });
    // A key of every object is not a language (no prototype lookups).
    expect(feedbackLanguageFor('constructor').language).toBe('en');
    expect(wordsOf(feedbackLanguageFor('wo')).beside).toBe(FEEDBACK_WORDS.it);
    expect(wordsOf(feedbackLanguageFor('ar')).beside).toBeNull();
  });

  it('reads right to left in Arabic and Urdu only', () => {
    const rtl = FEEDBACK_LANGUAGES.filter((code) => FEEDBACK_WORDS[code].dir === 'rtl');
    expect(rtl.sort()).toEqual(['ar', 'ur']);
  });

  it('has every question and answer, different, in every language', () => {
    expect(FEEDBACK_LANGUAGES).toHaveLength(10);
    for (const code of FEEDBACK_LANGUAGES) {
      const words = FEEDBACK_WORDS[code];
      const questions = FEEDBACK_QUESTIONS.map((q) => words.questions[q].trim());
      const answers = FEEDBACK_ANSWERS.map((a) => words.answers[a].trim());
      expect(new Set(questions).size, code).toBe(FEEDBACK_QUESTIONS.length);
      expect(new Set(answers).size, code).toBe(FEEDBACK_ANSWERS.length);
      for (const text of [words.title, words.intro, words.send, words.thanks, words.closed, words.missing])
        expect(text.trim().length, code).toBeGreaterThan(1);
      // Only Italian may read like Italian: a language left untranslated would repeat it.
      if (code !== 'it')
        expect(words.questions.understood, code).not.toBe(FEEDBACK_WORDS.it.questions.understood);
    }
  });
});
