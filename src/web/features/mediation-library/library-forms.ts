import type {
  TGlossaryTerm,
  TGlossaryTermInput,
  TMaterial,
  TMaterialInput,
  TMaterialVersionInput,
} from '../../../contracts/mediation-library.js';
import { orNull } from '../../ui/forms/values.js';

/** The library's forms as they hold their values (strings, as inputs do) and the bodies they send. */

export interface MaterialValues {
  title: string;
  kind: string;
  summary: string;
}

export function materialToValues(material?: Pick<TMaterial, 'title' | 'kind' | 'summary'>): MaterialValues {
  return {
    title: material?.title ?? '',
    kind: material?.kind ?? 'leaflet',
    summary: material?.summary ?? '',
  };
}

export function materialToInput(v: MaterialValues): TMaterialInput {
  return { title: v.title.trim(), kind: v.kind as TMaterialInput['kind'], summary: orNull(v.summary) };
}

export interface VersionValues {
  language: string;
  title: string;
  body: string;
}

export function versionToInput(v: VersionValues): TMaterialVersionInput {
  return { language: v.language, title: v.title.trim(), body: v.body.trim() };
}

export interface TranslationValues {
  language: string;
  translation: string;
  note: string;
}

export interface TermValues {
  term: string;
  domain: string;
  definition: string;
  translations: TranslationValues[];
}

export const emptyTranslation = (): TranslationValues => ({ language: '', translation: '', note: '' });

export function termToValues(term?: TGlossaryTerm): TermValues {
  return {
    term: term?.term ?? '',
    domain: term?.domain ?? 'social',
    definition: term?.definition ?? '',
    translations: term
      ? term.translations.map((t) => ({
          language: t.language,
          translation: t.translation,
          note: t.note ?? '',
        }))
      : [emptyTranslation()],
  };
}

/**
 * The body of a term. Every row of translations is sent, a half-filled one too, so the contract's
 * errors keep the index of the row the person sees (a row is removed with its own button).
 */
export function termToInput(v: TermValues): TGlossaryTermInput {
  return {
    term: v.term.trim(),
    domain: v.domain as TGlossaryTermInput['domain'],
    definition: orNull(v.definition),
    translations: v.translations.map((t) => ({
      language: t.language,
      translation: t.translation.trim(),
      note: orNull(t.note),
    })),
  };
}

/**
 * The languages a row of translations may still choose: not those other rows took, but its own
 * (a term has one translation per language, and the server refuses a second).
 */
export function languagesForRow<T extends { value: string }>(
  options: readonly T[],
  rows: readonly { language: string }[],
  index: number,
): T[] {
  const taken = new Set(rows.filter((_, i) => i !== index).map((r) => r.language));
  return options.filter((o) => !taken.has(o.value));
}
