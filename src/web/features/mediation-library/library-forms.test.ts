import { describe, expect, it } from 'vitest';
import { ZGlossaryTermInputSchema, ZMaterialInputSchema } from '../../../contracts/mediation-library.js';
import {
  emptyTranslation,
  languagesForRow,
  materialToInput,
  materialToValues,
  termToInput,
  termToValues,
  versionToInput,
} from './library-forms.js';

describe('library forms', () => {
  it('sends a material with an empty summary as none, trimmed', () => {
    const body = materialToInput({ ...materialToValues(), title: '  Lettera  ', summary: '   ' });
    expect(body).toEqual({ title: 'Lettera', kind: 'leaflet', summary: null });
    expect(ZMaterialInputSchema.safeParse(body).success).toBe(true);
  });

  it('trims a version and keeps its language', () => {
    expect(versionToInput({ language: 'ar', title: ' حقوقك ', body: '\nنص\n' })).toEqual({
      language: 'ar',
      title: 'حقوقك',
      body: 'نص',
    });
  });

  it('round-trips a term, notes empty as none, and sends every row so errors keep their index', () => {
    const values = termToValues({
      id: '00000000-0000-4000-8000-000000000000',
      term: 'udienza',
      domain: 'legal',
      definition: null,
      translations: [
        { language: 'en', rtl: false, translation: 'hearing', note: null },
        { language: 'ur', rtl: true, translation: 'سماعت', note: 'in tribunale' },
      ],
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(values.translations[0]).toEqual({ language: 'en', translation: 'hearing', note: '' });
    values.translations.push(emptyTranslation());
    const body = termToInput(values);
    expect(body.translations).toEqual([
      { language: 'en', translation: 'hearing', note: null },
      { language: 'ur', translation: 'سماعت', note: 'in tribunale' },
      { language: '', translation: '', note: null },
    ]);
    const issues = ZGlossaryTermInputSchema.safeParse(body).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['translations.2.language', 'translations.2.translation']));
    expect(issues?.some((p) => p.startsWith('translations.0') || p.startsWith('translations.1'))).toBe(false);
  });

  it('starts a new term with one empty row of translation', () => {
    expect(termToValues().translations).toEqual([emptyTranslation()]);
  });

  it('offers each row the languages the other rows did not take', () => {
    const options = ['ar', 'en', 'fr', 'ur'].map((value) => ({ value, label: value }));
    const rows = [{ language: 'ar' }, { language: 'fr' }, { language: '' }];
    expect(languagesForRow(options, rows, 0).map((o) => o.value)).toEqual(['ar', 'en', 'ur']);
    expect(languagesForRow(options, rows, 2).map((o) => o.value)).toEqual(['en', 'ur']);
  });
});
