import type { TWorkPackage } from '../../../contracts/governance-codes.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';
import type { TLocale } from '../../../contracts/index.js';
import type { TSiteLanguage } from '../../../contracts/website.js';
import {
  type TVideoDetail,
  type TVideoSettings,
  type TVideoTrack,
  type TVideoTrackKind,
  VIDEO_LIMITS,
} from '../../../contracts/website-videos.js';
import { ApiError, parseProblem } from '../../api/problem.js';
import { formatNumber } from '../../ui/format.js';

/** The video manual's forms as they hold their values (strings, as inputs do), and small helpers. */

export interface VideoSettingsValues {
  workPackage: string;
  practice: string;
  chapterNumber: string;
}

export function settingsToValues(settings: TVideoSettings | null): VideoSettingsValues {
  return {
    workPackage: settings?.workPackage ?? '',
    practice: settings?.practice ?? '',
    chapterNumber: settings ? String(settings.chapterNumber) : '',
  };
}

export function settingsToInput(v: VideoSettingsValues): TVideoSettings {
  return {
    workPackage: v.workPackage as TWorkPackage,
    practice: v.practice.trim(),
    chapterNumber: v.chapterNumber.trim() === '' ? Number.NaN : Number(v.chapterNumber),
  };
}

export interface ReleaseValues {
  personName: string;
  personRole: string;
}

export const emptyRelease = (): ReleaseValues => ({ personName: '', personRole: '' });

export function releaseToInput(v: ReleaseValues): ReleaseValues {
  return { personName: v.personName.trim(), personRole: v.personRole.trim() };
}

/** "WP1 — Rete antiviolenza «Non sei sola»", in the language of the interface. */
export const workPackageLabel = (wp: TWorkPackage, locale: TLocale) =>
  `${wp.toUpperCase()} — ${WORK_PACKAGE_TITLES[wp][locale]}`;

/** What a track starts from when it has not been written yet. */
export const EMPTY_VTT = 'WEBVTT\n\n';

/** A .vtt file read into the editor must fit what the server keeps. */
export const fitsTrack = (text: string) => text.length <= VIDEO_LIMITS.vttChars;

export const trackOf = (
  detail: TVideoDetail,
  lang: TSiteLanguage,
  kind: TVideoTrackKind,
): TVideoTrack | undefined => detail.tracks.find((tr) => tr.lang === lang && tr.kind === kind);

/**
 * The id the server gave a finished resumable upload: the last segment of its address
 * (`/api/website/uploads/<id>`), without a query or a trailing slash. Null when there is none.
 */
export function uploadIdOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return last === '' ? null : last;
}

/** How much of an upload has gone, as a whole percentage (0 to 100). */
export function percentOf(sent: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((sent / total) * 100)));
}

/** A size in megabytes, one decimal at most ("12,5 MB"); never "0 MB" for a file that has bytes. */
export function megabytes(bytes: number, locale: TLocale): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${formatNumber(bytes > 0 ? Math.max(mb, 0.1) : 0, locale)} MB`;
}

const TYPE_NAMES: Record<string, string> = {
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** A file's format as people name it ("MP4"), not its media type. */
export function fileTypeName(contentType: string): string {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return TYPE_NAMES[type] ?? (type.split('/')[1] ?? type).toUpperCase();
}

/** What tus-js-client reports when a request fails: the server's answer, if one came. */
interface TusFailure {
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

/**
 * A failed piece of the resumable upload as the app's own error, so it is shown like every other
 * refusal: the server's problem when it answered, a network error when nothing came back.
 */
export function uploadError(error: unknown): ApiError {
  const response = (error as TusFailure | null)?.originalResponse;
  if (!response) return new ApiError(0, null, 'network');
  let body: unknown = null;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = null;
  }
  return new ApiError(response.getStatus(), parseProblem(body));
}
