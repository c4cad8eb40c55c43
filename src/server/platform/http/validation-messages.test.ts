import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf } from './validation-messages.js';

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return fieldErrorsOf(result.error.issues as never, 'body').map((e) => [
    e.field,
    e.message.it,
    e.message.en,
  ]);
};

describe('field errors in plain words', () => {
  it('say what to write, never the validator’s wording', () => {
    const schema = z.strictObject({
      title: z.string().min(1).max(10),
      amount: z.number().int().min(0),
      email: z.email(),
      kind: z.enum(['a', 'b']),
      missing: z.string(),
    });
    const errors = messagesOf(schema, { title: '', amount: 'tanto', email: 'x', kind: 'c' });
    expect(errors).toEqual([
      ['body.title', 'Campo obbligatorio.', 'Required.'],
      ['body.amount', 'Scrivi un numero.', 'Write a number.'],
      [
        'body.email',
        'Un indirizzo e-mail, come nome@esempio.it.',
        'An e-mail address, such as name@example.org.',
      ],
      ['body.kind', 'Scegli uno dei valori proposti.', 'Choose one of the values offered.'],
      ['body.missing', 'Campo obbligatorio.', 'Required.'],
    ]);
    expect(messagesOf(z.object({ t: z.string().max(3) }), { t: 'abcd' })[0]).toEqual([
      'body.t',
      'Al massimo 3 caratteri.',
      'At most 3 characters.',
    ]);
    expect(messagesOf(z.object({ n: z.number().min(1) }), { n: 0 })[0]?.[1]).toBe('Almeno 1.');
  });

  it('keep a message written in the contract, translated', () => {
    const schema = z.object({ n: z.number().min(0, 'the goal cannot be negative') });
    expect(messagesOf(schema, { n: -1 })[0]).toEqual([
      'body.n',
      'l’obiettivo non può essere negativo',
      'the goal cannot be negative',
    ]);
  });
});
