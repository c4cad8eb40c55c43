import { describe, expect, it } from 'vitest';
import type { TQuestionnaireItem } from '../../../contracts/questionnaires.js';
import { pairedResults, scoreAnswers } from './questionnaire-scoring.js';

const likert = (domain: TQuestionnaireItem['domain']): TQuestionnaireItem => ({
  domain,
  kind: 'likert',
  text: { it: 'Mi sento preparata', en: null },
  options: [],
  correct: null,
});
const knowledge: TQuestionnaireItem = {
  domain: 'legislative',
  kind: 'knowledge',
  text: { it: 'Quale legge…', en: null },
  options: [
    { it: 'A', en: null },
    { it: 'B', en: null },
    { it: 'C', en: null },
  ],
  correct: 1,
};

describe('scoring a questionnaire', () => {
  it('gives each domain the mean of its items on 0–100', () => {
    const { scores, errors } = scoreAnswers(
      [likert('ethnoclinical'), likert('ethnoclinical'), knowledge],
      [5, 3, 1],
    );
    expect(errors).toEqual([]);
    expect(scores).toEqual({ ethnoclinical: 75, legislative: 100 });
    expect(scoreAnswers([knowledge], [2]).scores).toEqual({ legislative: 0 });
  });

  it('names each answer that does not fit its item, and a wrong count', () => {
    const { errors } = scoreAnswers([likert('intercultural'), knowledge], [0, 3]);
    expect(errors.map((e) => e.field)).toEqual(['answers.0', 'answers.1']);
    expect(scoreAnswers([knowledge], [1, 1]).errors.map((e) => e.field)).toEqual(['answers']);
  });
});

describe('paired results', () => {
  const pair = (pre: number, post: number) => ({
    pre: { ethnoclinical: pre },
    post: { ethnoclinical: post },
  });

  it('is the mean paired gain per domain', () => {
    const results = pairedResults([pair(40, 60), pair(50, 55), pair(60, 80), pair(20, 50), pair(30, 30)]);
    expect(results.find((r) => r.domain === 'ethnoclinical')).toEqual({
      domain: 'ethnoclinical',
      pre: 40,
      post: 55,
      gain: 15,
    });
  });

  it('gives nothing for a domain with fewer than five pairs', () => {
    const results = pairedResults([pair(40, 60), pair(50, 55), pair(60, 80), pair(20, 50)]);
    expect(results.every((r) => r.pre === null && r.post === null && r.gain === null)).toBe(true);
  });
});
