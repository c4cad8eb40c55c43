import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_ELEMENT_IDS, FORM_FIELDS } from './incident-form-values.js';

/**
 * The incident form's error summary names every field by its label and links to its element:
 * a renamed id or a missing label would leave a link that goes nowhere or an API name on screen.
 */
const source = ['IncidentFormPage.tsx', 'IncidentSurvivorSection.tsx']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');
const catalogue = (language: string) =>
  JSON.parse(readFileSync(new URL(`i18n/${language}.json`, import.meta.url), 'utf8')).incidents.form;

describe('the incident form’s error summary', () => {
  it('links every field to an element the form renders', () => {
    for (const field of FORM_FIELDS) expect(source, field).toContain(`id="${FIELD_ELEMENT_IDS[field]}"`);
  });

  it('has a label for every field in both languages', () => {
    for (const language of ['it', 'en'])
      for (const field of FORM_FIELDS)
        expect(catalogue(language)[field], `${language} ${field}`).toBeTruthy();
  });
});
