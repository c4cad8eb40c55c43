import type { TPhase, TPurpose } from '../../../contracts/questionnaires.js';
import { orNull } from '../../ui/forms/values.js';

/** A wording as its inputs hold it: Italian, and English (empty when not given). */
export interface WordingValues {
  it: string;
  en: string;
}

/** One question as the editor holds it; `correct` is the right choice's index as text ('' if none). */
export interface ItemValues {
  domain: string;
  kind: string;
  text: WordingValues;
  options: WordingValues[];
  correct: string;
}

export interface QuestionnaireValues {
  title: string;
  items: ItemValues[];
}

const emptyWording = (): WordingValues => ({ it: '', en: '' });

/** A new question: an agreement item (1–5) of the first domain. */
export function newItemValues(): ItemValues {
  return { domain: 'ethnoclinical', kind: 'likert', text: emptyWording(), options: [], correct: '' };
}

/** A knowledge question starts with two empty choices (the fewest it may have). */
export function newOptionValues(): WordingValues {
  return emptyWording();
}

export function newQuestionnaireValues(): QuestionnaireValues {
  return { title: '', items: [newItemValues()] };
}

const wording = (w: WordingValues) => ({ it: w.it.trim(), en: orNull(w.en) });

/**
 * The request body the editor's values make (`ZQuestionnaireInputSchema`): an agreement item sends
 * no choices and no right answer, whatever the editor still holds from before its kind changed.
 */
export function questionnaireToInput(v: QuestionnaireValues, purpose: TPurpose, courseId: string | null) {
  return {
    title: v.title.trim(),
    purpose,
    courseId,
    items: v.items.map((item) => {
      const knowledge = item.kind === 'knowledge';
      return {
        domain: item.domain,
        kind: item.kind,
        text: wording(item.text),
        options: knowledge ? item.options.map(wording) : [],
        correct: knowledge && item.correct !== '' ? Number(item.correct) : null,
      };
    }),
  };
}

/** The answers as the form holds them: the participant's code, and each item's choice as text. */
export interface AnswerValues {
  code: string;
  answers: { value: string }[];
}

/** The request body (`ZResponseInputSchema`); an item left unanswered is NaN, which the contract refuses. */
export function answersToInput(values: AnswerValues, phase: TPhase) {
  return {
    phase,
    code: values.code.trim(),
    answers: values.answers.map((a) => (a.value === '' ? Number.NaN : Number(a.value))),
  };
}
