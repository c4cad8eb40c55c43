import { describe, expect, it } from 'vitest';
import { ZQuestionnaireInputSchema, ZResponseInputSchema } from '../../../contracts/questionnaires.js';
import { ZFieldLogInputSchema } from '../../../contracts/training.js';
import { fieldLogToInput, newFieldLogValues } from './field-log-form.js';
import {
  answersToInput,
  newItemValues,
  newQuestionnaireValues,
  questionnaireToInput,
} from './questionnaire-form.js';

const COURSE = '00000000-0000-4000-8000-000000000001';

describe('the questionnaire editor', () => {
  it('sends an agreement item without the choices it held while it was a knowledge item', () => {
    const body = ZQuestionnaireInputSchema.parse(
      questionnaireToInput(
        {
          title: ' Competenze ',
          items: [
            {
              ...newItemValues(),
              text: { it: 'Mi sento pronta', en: ' ' },
              options: [
                { it: 'a', en: '' },
                { it: 'b', en: '' },
              ],
              correct: '1',
            },
          ],
        },
        'competence',
        COURSE,
      ),
    );
    expect(body.title).toBe('Competenze');
    expect(body.items[0]).toEqual({
      domain: 'ethnoclinical',
      kind: 'likert',
      text: { it: 'Mi sento pronta', en: null },
      options: [],
      correct: null,
    });
  });

  it('sends a knowledge item with its choices and the right one as a number', () => {
    const body = ZQuestionnaireInputSchema.parse(
      questionnaireToInput(
        {
          title: 'Indagine',
          items: [
            {
              domain: 'legislative',
              kind: 'knowledge',
              text: { it: 'Chi decide?', en: 'Who decides?' },
              options: [
                { it: 'Il giudice', en: 'The judge' },
                { it: 'Il comune', en: '' },
              ],
              correct: '0',
            },
          ],
        },
        'services_viewpoint',
        null,
      ),
    );
    expect(body.courseId).toBeNull();
    expect(body.items[0]?.options).toEqual([
      { it: 'Il giudice', en: 'The judge' },
      { it: 'Il comune', en: null },
    ]);
    expect(body.items[0]?.correct).toBe(0);
  });

  it('has the contract refuse a knowledge item without its right choice, on the choices', () => {
    const values = newQuestionnaireValues();
    values.title = 'T';
    values.items = [
      {
        ...newItemValues(),
        kind: 'knowledge',
        text: { it: 'Domanda', en: '' },
        options: [
          { it: 'a', en: '' },
          { it: 'b', en: '' },
        ],
        correct: '',
      },
    ];
    const result = ZQuestionnaireInputSchema.safeParse(questionnaireToInput(values, 'competence', COURSE));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('items.0.options');
  });
});

describe('the answers', () => {
  it('turns the chosen radios into numbers, in the items’ order', () => {
    const body = ZResponseInputSchema.parse(
      answersToInput({ code: ' MA12NO ', answers: [{ value: '5' }, { value: '0' }] }, 'post'),
    );
    expect(body).toEqual({ phase: 'post', code: 'MA12NO', answers: [5, 0] });
  });

  it('leaves an unanswered item for the contract to refuse rather than sending the first choice', () => {
    const result = ZResponseInputSchema.safeParse(
      answersToInput({ code: 'MA12NO', answers: [{ value: '3' }, { value: '' }] }, 'pre'),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['answers.1']);
  });
});

describe('the field log form', () => {
  it('sends no case as null and refuses empty hours', () => {
    const body = ZFieldLogInputSchema.parse(
      fieldLogToInput({
        ...newFieldLogValues(),
        entryOn: '2026-03-02',
        hours: '2.5',
        activity: ' Colloquio in affiancamento ',
        reflections: 'Ho osservato.',
      }),
    );
    expect(body).toEqual({
      entryOn: '2026-03-02',
      hours: 2.5,
      activity: 'Colloquio in affiancamento',
      reflections: 'Ho osservato.',
      caseId: null,
    });
    const empty = ZFieldLogInputSchema.safeParse(fieldLogToInput({ ...newFieldLogValues(), hours: '' }));
    expect(empty.error?.issues.map((i) => i.path.join('.'))).toContain('hours');
  });
});
