import type { z } from 'zod';
import type { TLocale } from '../../../contracts/index.js';
import {
  SITE_LANGUAGES,
  type THelpService,
  type THelpServiceInput,
  type TSiteLanguage,
  type TSitePageDetail,
  type TSitePageKind,
  type TSiteTransition,
  type TSiteTranslationInput,
  type TSiteVersion,
  type ZSitePageCreateSchema,
  type ZSitePageSettingsSchema,
} from '../../../contracts/website.js';
import { isApiError } from '../../api/problem.js';
import { orNull, toInstant } from '../../ui/forms/values.js';

/** The website's forms as they hold their values (strings, as inputs do) and the bodies they send. */

export type CreateInput = z.input<typeof ZSitePageCreateSchema>;
export type SettingsInput = z.input<typeof ZSitePageSettingsSchema>;

/** A menu position typed in a number input: empty is "not in the menu". */
const menuOrderOf = (value: string) => (value.trim() === '' ? null : Number(value));

export interface PlacementValues {
  slug: string;
  category: string;
  parentId: string;
  menuOrder: string;
}

export interface TextValues {
  title: string;
  summary: string;
  body: string;
  /** What a reader shares with the item's link (the title when empty). */
  share: string;
}

export interface CreateValues {
  page: PlacementValues & { kind: string };
  italian: TextValues;
}

export const emptyCreateValues = (kind: TSitePageKind = 'page'): CreateValues => ({
  page: { kind, slug: '', category: 'general', parentId: '', menuOrder: '' },
  italian: { title: '', summary: '', body: '', share: '' },
});

/** Where a page sits: a news item or a video chapter has no place in the tree or the menu. */
export function placementToInput(v: PlacementValues, kind: string): SettingsInput {
  const isPage = kind === 'page';
  return {
    slug: v.slug.trim().toLowerCase(),
    category: v.category as SettingsInput['category'],
    parentId: isPage ? orNull(v.parentId) : null,
    menuOrder: isPage ? menuOrderOf(v.menuOrder) : null,
  };
}

export function textToInput(v: TextValues): TSiteTranslationInput {
  return { title: v.title.trim(), summary: v.summary.trim(), body: v.body.trim(), share: v.share.trim() };
}

export function createToInput(v: CreateValues): CreateInput {
  return {
    page: { kind: v.page.kind as TSitePageKind, ...placementToInput(v.page, v.page.kind) },
    italian: textToInput(v.italian),
  };
}

export function pageToPlacement(page: TSitePageDetail): PlacementValues {
  return {
    slug: page.slug,
    category: page.category,
    parentId: page.parentId ?? '',
    menuOrder: page.menuOrder === null ? '' : String(page.menuOrder),
  };
}

export function versionToText(version: TSiteVersion | undefined): TextValues {
  return {
    title: version?.title ?? '',
    summary: version?.summary ?? '',
    body: version?.body ?? '',
    share: version?.share ?? '',
  };
}

/** The latest text of one language, if it was written. */
export const currentOf = (page: TSitePageDetail, lang: TSiteLanguage) =>
  page.current.find((v) => v.lang === lang);

/** An action that takes a note, and for `schedule` the moment the page goes public (a datetime-local). */
export interface TransitionValues {
  publishAt: string;
  note: string;
}

export function transitionToInput(action: TSiteTransition['action'], v: TransitionValues): TSiteTransition {
  const note = v.note.trim();
  return {
    action,
    ...(action === 'schedule' ? { publishAt: toInstant(v.publishAt) } : {}),
    ...(note ? { note } : {}),
  };
}

export interface HelpServiceValues {
  name: string;
  description: string;
  phone: string;
  hours: string;
  languages: string[];
  municipality: string;
  menuOrder: string;
}

export function serviceToValues(service?: THelpService): HelpServiceValues {
  return {
    name: service?.name ?? '',
    description: service?.description ?? '',
    phone: service?.phone ?? '',
    hours: service?.hours ?? '',
    languages: service ? [...service.languages] : ['it'],
    municipality: service?.municipality ?? '',
    menuOrder: service ? String(service.menuOrder) : '0',
  };
}

export function serviceToInput(v: HelpServiceValues): THelpServiceInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    phone: v.phone.trim(),
    hours: v.hours.trim(),
    languages: v.languages as THelpServiceInput['languages'],
    municipality: v.municipality,
    menuOrder: v.menuOrder.trim() === '' ? 0 : Number(v.menuOrder),
  };
}

/**
 * The server's objections to publishing, by language: a link in a language's text to a page the
 * public cannot see (`body.<lang>`, "broken_link"). Each is shown on that language's text.
 */
export function linkProblemsOf(error: unknown, locale: TLocale): Map<TSiteLanguage, string[]> {
  const found = new Map<TSiteLanguage, string[]>();
  if (!isApiError(error)) return found;
  for (const e of error.fieldErrors(locale)) {
    const lang = e.field.replace(/^body\./, '') as TSiteLanguage;
    if (SITE_LANGUAGES.includes(lang)) found.set(lang, [...(found.get(lang) ?? []), e.message]);
  }
  return found;
}
