import { describe, expect, it } from 'vitest';
import { summaryItems } from './error-summary.js';

const fields = {
  gender: { label: 'Genere', id: 'incident-gender' },
  forms: { label: 'Forme di violenza', id: 'incident-forms' },
  interpreterNeeded: { label: 'Serviva un interprete o un mediatore?', id: 'incident-interpreter-needed' },
};

describe('the error summary', () => {
  it('names each field by its label, in the form’s order, never by the API’s name', () => {
    const items = summaryItems({
      errors: [
        { field: 'body.interpreterNeeded', message: 'obbligatorio' },
        { field: 'body.gender', message: 'obbligatorio' },
      ],
      fields,
    });
    expect(items).toEqual([
      { field: fields.gender, message: 'obbligatorio' },
      { field: fields.interpreterNeeded, message: 'obbligatorio' },
    ]);
    expect(JSON.stringify(items)).not.toContain('interpreterNeeded');
  });

  it('puts an error about part of a field on the field, once per field and message', () => {
    const items = summaryItems({
      errors: [
        { field: 'body.forms.1', message: 'ogni valore una sola volta' },
        { field: 'body.forms', message: 'ogni valore una sola volta' },
        { field: 'body.forms', message: 'deve includere la forma implicata' },
      ],
      fields,
    });
    expect(items).toEqual([
      { field: fields.forms, message: 'ogni valore una sola volta; deve includere la forma implicata' },
    ]);
  });

  it('keeps the message of an error about no field of the form, without a name', () => {
    expect(
      summaryItems({ errors: [{ field: 'body.unknownKey', message: 'Campo non previsto' }], fields }),
    ).toEqual([{ field: null, message: 'Campo non previsto' }]);
  });
});
