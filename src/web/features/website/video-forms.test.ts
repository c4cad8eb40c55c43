import { describe, expect, it } from 'vitest';
import {
  VIDEO_LIMITS,
  ZVideoAttachSchema,
  ZVideoReleaseFieldsSchema,
  ZVideoSettingsSchema,
} from '../../../contracts/website-videos.js';
import {
  EMPTY_VTT,
  fileTypeName,
  fitsTrack,
  megabytes,
  percentOf,
  releaseToInput,
  settingsToInput,
  settingsToValues,
  trackOf,
  uploadError,
  uploadIdOf,
  workPackageLabel,
} from './video-forms.js';

const ID = '0123456789abcdef0123456789abcdef';

describe('video manual forms', () => {
  it('takes the upload id from the end of the upload address', () => {
    expect(uploadIdOf(`/api/website/uploads/${ID}`)).toBe(ID);
    expect(uploadIdOf(`https://trama.example/api/website/uploads/${ID}/`)).toBe(ID);
    expect(uploadIdOf(`/api/website/uploads/${ID}?x=1#top`)).toBe(ID);
    expect(ZVideoAttachSchema.safeParse({ uploadId: uploadIdOf(`/api/website/uploads/${ID}`) }).success).toBe(
      true,
    );
    expect(uploadIdOf(null)).toBeNull();
    expect(uploadIdOf('')).toBeNull();
    expect(uploadIdOf('/')).toBeNull();
  });

  it('says how far an upload is in whole percent, never past 100', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(5, 3)).toBe(100);
  });

  it('shows sizes in megabytes with one decimal, and formats as people name them', () => {
    expect(megabytes(12.5 * 1024 * 1024, 'it')).toBe('12,5 MB');
    expect(megabytes(12.5 * 1024 * 1024, 'en')).toBe('12.5 MB');
    expect(megabytes(100, 'en')).toBe('0.1 MB');
    expect(megabytes(0, 'en')).toBe('0 MB');
    expect(fileTypeName('video/mp4')).toBe('MP4');
    expect(fileTypeName('video/webm')).toBe('WebM');
    expect(fileTypeName('image/jpeg')).toBe('JPEG');
    expect(fileTypeName('video/quicktime; codecs=x')).toBe('QUICKTIME');
  });

  it('names a work package with its title in the interface language', () => {
    expect(workPackageLabel('wp2', 'it')).toBe('WP2 — Tutela minori');
    expect(workPackageLabel('wp2', 'en')).toBe('WP2 — Child protection');
  });

  it('sends the settings the contract accepts, and an empty number as missing', () => {
    const values = { ...settingsToValues(null), workPackage: 'wp1', practice: '  Il colloquio  ' };
    expect(ZVideoSettingsSchema.safeParse(settingsToInput(values)).success).toBe(false);
    const body = settingsToInput({ ...values, chapterNumber: '3' });
    expect(body).toEqual({ workPackage: 'wp1', practice: 'Il colloquio', chapterNumber: 3 });
    expect(ZVideoSettingsSchema.safeParse(body).success).toBe(true);
    expect(settingsToValues(body)).toEqual({
      workPackage: 'wp1',
      practice: 'Il colloquio',
      chapterNumber: '3',
    });
  });

  it('trims a release’s fields', () => {
    const body = releaseToInput({ personName: ' Anna Rossi ', personRole: ' operatrice ' });
    expect(body).toEqual({ personName: 'Anna Rossi', personRole: 'operatrice' });
    expect(ZVideoReleaseFieldsSchema.safeParse(body).success).toBe(true);
  });

  it('keeps a track to the size the server accepts, and finds a track by language and kind', () => {
    expect(fitsTrack(EMPTY_VTT)).toBe(true);
    expect(fitsTrack('x'.repeat(VIDEO_LIMITS.vttChars))).toBe(true);
    expect(fitsTrack('x'.repeat(VIDEO_LIMITS.vttChars + 1))).toBe(false);
    const track = { lang: 'ar', kind: 'subtitles', cueCount: 2, updatedBy: 'A', updatedAt: '' } as const;
    const detail = {
      settings: null,
      video: null,
      poster: null,
      tracks: [track],
      releases: [],
      check: null,
      canCheck: false,
      blockers: [],
    };
    expect(trackOf(detail, 'ar', 'subtitles')).toBe(track);
    expect(trackOf(detail, 'ar', 'chapters')).toBeUndefined();
  });

  it('turns a failed upload into the app’s error: the server’s problem, or a network error', () => {
    const problem = {
      type: 'urn:trama:problem:validation',
      title: 'Invalid',
      status: 400,
      localized: { it: { title: 'Non valido' }, en: { title: 'Invalid' } },
    };
    const answered = uploadError({
      originalResponse: { getStatus: () => 413, getBody: () => JSON.stringify(problem) },
    });
    expect(answered.status).toBe(413);
    expect(answered.localized('it')?.title).toBe('Non valido');
    const plain = uploadError({ originalResponse: { getStatus: () => 502, getBody: () => '<html>' } });
    expect(plain.status).toBe(502);
    expect(plain.problem).toBeNull();
    expect(uploadError(new Error('offline')).status).toBe(0);
  });
});
