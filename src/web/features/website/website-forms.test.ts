import { describe, expect, it } from 'vitest';
import {
  ZHelpServiceInputSchema,
  ZSitePageCreateSchema,
  ZSitePageSettingsSchema,
  ZSiteTransitionSchema,
} from '../../../contracts/website.js';
import { ApiError } from '../../api/problem.js';
import {
  createToInput,
  emptyCreateValues,
  linkProblemsOf,
  placementToInput,
  serviceToInput,
  serviceToValues,
  transitionToInput,
} from './website-forms.js';

describe('website forms', () => {
  it('sends a new page with its place in the tree and menu, and its Italian text trimmed', () => {
    const values = emptyCreateValues('page');
    values.page = { ...values.page, slug: ' Corsi-Di-Italiano ', parentId: '', menuOrder: '3' };
    values.italian = { title: '  Corsi  ', summary: ' ', body: '<p>Testo</p>', share: ' Corsi gratuiti ' };
    const body = createToInput(values);
    expect(body).toEqual({
      page: { kind: 'page', slug: 'corsi-di-italiano', category: 'general', parentId: null, menuOrder: 3 },
      italian: { title: 'Corsi', summary: '', body: '<p>Testo</p>', share: 'Corsi gratuiti' },
    });
    expect(ZSitePageCreateSchema.safeParse(body).success).toBe(true);
  });

  it('gives a news item no place in the tree or the menu', () => {
    const id = '0195f0a4-8a8e-7cc1-b1a2-0a7d1e2f3a4b';
    const settings = placementToInput(
      { slug: 'avviso', category: 'sensitive', parentId: id, menuOrder: '2' },
      'news',
    );
    expect(settings).toEqual({ slug: 'avviso', category: 'sensitive', parentId: null, menuOrder: null });
    expect(ZSitePageSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('schedules at the local time typed, as an instant the contract takes; an empty note is not sent', () => {
    const body = transitionToInput('schedule', { publishAt: '2030-05-04T09:30', note: '  ' });
    expect(body.action).toBe('schedule');
    expect(new Date(body.publishAt!).getTime()).toBe(new Date(2030, 4, 4, 9, 30).getTime());
    expect(body).not.toHaveProperty('note');
    expect(ZSiteTransitionSchema.safeParse(body).success).toBe(true);
    expect(transitionToInput('return', { publishAt: '', note: ' Manca il telefono ' })).toEqual({
      action: 'return',
      note: 'Manca il telefono',
    });
  });

  it('sends a help service as the contract wants it', () => {
    const body = serviceToInput({
      ...serviceToValues(),
      name: ' Centro antiviolenza ',
      phone: '1522',
      hours: 'Sempre',
      languages: ['it', 'ar'],
      municipality: '016024',
      menuOrder: '',
    });
    expect(body.menuOrder).toBe(0);
    expect(ZHelpServiceInputSchema.safeParse(body).success).toBe(true);
  });

  it('finds the broken links the server reported, by language', () => {
    const message = (text: string) => ({ it: text, en: text });
    const error = new ApiError(400, {
      type: 'urn:trama:problem:validation',
      title: 'Non valido',
      status: 400,
      localized: { it: { title: 'Non valido' }, en: { title: 'Invalid' } },
      errors: [
        { field: 'body.ar', code: 'broken_link', message: message('Il collegamento a /sito/x') },
        { field: 'body.ar', code: 'broken_link', message: message('Il collegamento a /sito/y') },
        { field: 'body.note', code: 'too_big', message: message('Troppo lunga') },
      ],
    });
    const found = linkProblemsOf(error, 'it');
    expect([...found.keys()]).toEqual(['ar']);
    expect(found.get('ar')).toHaveLength(2);
    expect(linkProblemsOf(new Error('network'), 'it').size).toBe(0);
  });
});
