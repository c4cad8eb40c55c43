import {
  DOMAINS,
  LIKERT_POINTS,
  QUESTIONNAIRE_MIN_GROUP,
  type TDomain,
  type TQuestionnaireItem,
} from '../../../contracts/questionnaires.js';
import type { FieldError } from '../../platform/http/problem.js';

export type Scores = Partial<Record<TDomain, number>>;

/**
 * A domain's score, 0–100: the mean of its items, each from 0 to 1 (agreement 1–5 as (a − 1) / 4;
 * a knowledge item 1 when right, 0 when not). Answers that do not fit their item are field errors.
 */
export function scoreAnswers(items: readonly TQuestionnaireItem[], answers: readonly number[]) {
  const errors: FieldError[] = [];
  if (answers.length !== items.length)
    errors.push({
      field: 'answers',
      code: 'count',
      message: {
        it: `Servono ${items.length} risposte, una per domanda.`,
        en: `${items.length} answers are needed, one per question.`,
      },
    });
  const sums: Partial<Record<TDomain, { total: number; n: number }>> = {};
  items.forEach((item, i) => {
    const a = answers[i];
    if (a === undefined) return;
    let value: number | null = null;
    if (item.kind === 'likert' && a >= 1 && a <= LIKERT_POINTS) value = (a - 1) / (LIKERT_POINTS - 1);
    if (item.kind === 'knowledge' && a < item.options.length) value = a === item.correct ? 1 : 0;
    if (value === null) {
      errors.push({
        field: `answers.${i}`,
        code: 'out_of_range',
        message:
          item.kind === 'likert'
            ? { it: 'Scegli un valore da 1 a 5.', en: 'Choose a value from 1 to 5.' }
            : { it: 'Scegli una delle risposte proposte.', en: 'Choose one of the answers offered.' },
      });
      return;
    }
    const sum = sums[item.domain] ?? { total: 0, n: 0 };
    sums[item.domain] = sum;
    sum.total += value;
    sum.n += 1;
  });
  const scores: Scores = {};
  for (const domain of DOMAINS) {
    const sum = sums[domain];
    if (sum) scores[domain] = Math.round((sum.total / sum.n) * 1000) / 10;
  }
  return { scores, errors };
}

const mean = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

/**
 * Results per domain from paired answers (the same code before and after): the mean before, the
 * mean after and the mean gain (post − pre) of the pairs that answered the domain both times.
 * Nothing is given for a domain with fewer than QUESTIONNAIRE_MIN_GROUP pairs.
 */
export function pairedResults(pairs: readonly { pre: Scores; post: Scores }[]) {
  return DOMAINS.map((domain) => {
    const both = pairs.filter((p) => p.pre[domain] !== undefined && p.post[domain] !== undefined);
    if (both.length < QUESTIONNAIRE_MIN_GROUP) return { domain, pre: null, post: null, gain: null };
    return {
      domain,
      pre: mean(both.map((p) => p.pre[domain]!)),
      post: mean(both.map((p) => p.post[domain]!)),
      gain: mean(both.map((p) => p.post[domain]! - p.pre[domain]!)),
    };
  });
}
