import { describe, expect, it } from 'vitest';
import {
  mediaImagePath,
  ZMediaAltsInputSchema,
  ZMediaFieldsSchema,
} from '../../../contracts/website-media.js';
import { ApiError } from '../../api/problem.js';
import {
  altLanguages,
  altsToInput,
  altsToValues,
  fileProblem,
  insertCode,
  listInWords,
  MEDIA_MAX_BYTES,
  previewSize,
  serverFileError,
  uploadToInput,
} from './media-forms.js';

describe('media library helpers', () => {
  it('builds the code to insert from the image’s path', () => {
    expect(insertCode(mediaImagePath('abc'))).toBe('<img src="/sito/immagini/abc">');
    expect(insertCode('/sito/immagini/a"b&c')).toBe('<img src="/sito/immagini/a&quot;b&amp;c">');
  });

  it('says which languages have an alternative text and which lack it, in the site’s order', () => {
    expect(altLanguages({ fr: 'Une salle', it: 'Una sala', en: '  ' })).toEqual({
      written: ['it', 'fr'],
      missing: ['en', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'],
    });
  });

  it('sends the ten languages at once, an empty one left out, Italian always', () => {
    const values = altsToValues({ it: 'Una sala', ar: 'قاعة' });
    expect(values.alts.en).toBe('');
    expect(Object.keys(values.alts)).toHaveLength(10);
    values.alts.en = ' A room ';
    expect(altsToInput(values)).toEqual({ alts: { it: 'Una sala', en: 'A room', ar: 'قاعة' } });
    expect(ZMediaAltsInputSchema.safeParse(altsToInput(values)).success).toBe(true);
    values.alts.it = '   ';
    expect(altsToInput(values).alts.it).toBe('');
    expect(ZMediaAltsInputSchema.safeParse(altsToInput(values)).success).toBe(false);
  });

  it('trims the upload’s fields as the contract reads them', () => {
    const input = uploadToInput({ name: ' Sportello ', altIt: ' La sala d’attesa ' });
    expect(input).toEqual({ name: 'Sportello', altIt: 'La sala d’attesa' });
    expect(ZMediaFieldsSchema.safeParse(input).success).toBe(true);
  });

  it('checks the file before sending it', () => {
    expect(fileProblem(null)).toBe('missing');
    expect(fileProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(fileProblem({ type: 'image/png', size: MEDIA_MAX_BYTES + 1 })).toBe('tooBig');
    expect(fileProblem({ type: 'image/webp', size: MEDIA_MAX_BYTES })).toBeNull();
    expect(fileProblem({ type: '', size: 10 })).toBeNull();
  });

  it('gives the thumbnail the preview’s width, never enlarged, the height in proportion', () => {
    expect(previewSize(1280, 853)).toEqual({ width: 320, height: 213 });
    expect(previewSize(200, 100)).toEqual({ width: 200, height: 100 });
    expect(previewSize(0, 0)).toEqual({ width: 320, height: 320 });
  });

  it('lists words as the interface’s language does', () => {
    expect(listInWords(['inglese', 'francese', 'arabo'], 'it')).toBe('inglese, francese e arabo');
    expect(listInWords(['English', 'French'], 'en')).toBe('English and French');
  });

  it('puts the server’s word on the file next to it, with the detail when it says more', () => {
    const refusal = (type: string, detail: string) =>
      new ApiError(422, {
        type: `urn:trama:problem:${type}`,
        title: 'Rifiutata',
        status: 422,
        localized: { it: { title: 'Rifiutata', detail }, en: { title: 'Refused', detail } },
        errors: [{ field: 'file', code: 'x', message: { it: 'Immagine non leggibile.', en: 'Unreadable.' } }],
      });
    expect(serverFileError(refusal('unreadable-image', 'Più di 40 milioni di pixel.'), 'it')).toBe(
      'Immagine non leggibile. Più di 40 milioni di pixel.',
    );
    expect(serverFileError(refusal('validation', 'Controlla il campo segnalato.'), 'it')).toBe(
      'Immagine non leggibile.',
    );
    expect(serverFileError(new Error('network'), 'it')).toBeUndefined();
  });
});
