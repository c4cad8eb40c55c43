import type { TLocale } from '../../../contracts/index.js';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../contracts/website.js';
import type { TMedia } from '../../../contracts/website-media.js';
import { isApiError } from '../../api/problem.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';

/** The media library's forms as they hold their values (strings, as inputs do), and small helpers. */

/** What the server takes: PNG, JPEG or WebP, at most 15 MB. */
export const MEDIA_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MEDIA_ACCEPT = MEDIA_TYPES.join(',');
export const MEDIA_MAX_BYTES = 15 * 1024 * 1024;
/** The width of the preview the server gives for thumbnails. */
export const PREVIEW_WIDTH = 320;

export interface UploadValues {
  name: string;
  altIt: string;
}

export const emptyUpload = (): UploadValues => ({ name: '', altIt: '' });

export const uploadToInput = (v: UploadValues): UploadValues => ({
  name: v.name.trim(),
  altIt: v.altIt.trim(),
});

export type FileProblem = 'missing' | 'type' | 'tooBig';

/**
 * What is wrong with the chosen file before it is sent, if anything. A file the browser cannot type
 * (no media type) goes to the server, which reads its content anyway.
 */
export function fileProblem(file: { type: string; size: number } | null): FileProblem | null {
  if (!file) return 'missing';
  if (file.type !== '' && !MEDIA_TYPES.includes(file.type)) return 'type';
  if (file.size > MEDIA_MAX_BYTES) return 'tooBig';
  return null;
}

/**
 * The server's word on the file, for its field: the field's message, and the problem's own detail
 * when it says more than "check the field" (an image it cannot read: what the bound is).
 */
export function serverFileError(error: unknown, locale: TLocale): string | undefined {
  const message = serverFieldError(error, locale, 'file');
  if (!message || !isApiError(error) || error.problem?.type === 'urn:trama:problem:validation')
    return message;
  const detail = error.localized(locale)?.detail;
  return detail ? `${message} ${detail}` : message;
}

/** What an editor writes in a page's text to show the image: `<img src="…">`, the path escaped. */
export function insertCode(path: string): string {
  const escaped = path.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<img src="${escaped}">`;
}

/** The languages with an alternative text and those still without one, in the site's order. */
export function altLanguages(alts: TMedia['alts']): { written: TSiteLanguage[]; missing: TSiteLanguage[] } {
  const has = (lang: TSiteLanguage) => (alts[lang] ?? '').trim() !== '';
  return { written: SITE_LANGUAGES.filter(has), missing: SITE_LANGUAGES.filter((lang) => !has(lang)) };
}

export interface AltValues {
  alts: Record<TSiteLanguage, string>;
}

export function altsToValues(alts: TMedia['alts']): AltValues {
  return {
    alts: Object.fromEntries(SITE_LANGUAGES.map((lang) => [lang, alts[lang] ?? ''])) as Record<
      TSiteLanguage,
      string
    >,
  };
}

/**
 * The ten languages at once: an empty field means no alternative text in that language. Italian is
 * always sent, so an empty one is refused (every image has its Italian text).
 */
export function altsToInput(v: AltValues): { alts: Partial<Record<TSiteLanguage, string>> } {
  const alts: Partial<Record<TSiteLanguage, string>> = {};
  for (const lang of SITE_LANGUAGES) {
    const text = (v.alts[lang] ?? '').trim();
    if (lang === 'it' || text !== '') alts[lang] = text;
  }
  return { alts };
}

/** The thumbnail's size: the preview's width (never more than the image's own), height in proportion. */
export function previewSize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: PREVIEW_WIDTH, height: PREVIEW_WIDTH };
  const shown = Math.min(PREVIEW_WIDTH, width);
  return { width: shown, height: Math.max(1, Math.round((height * shown) / width)) };
}

/** A list in words, in the interface's language ("inglese, francese e arabo"). */
export function listInWords(items: readonly string[], locale: TLocale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
