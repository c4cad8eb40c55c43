import { describe, expect, it } from 'vitest';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import { DEMO_CHAPTER } from './demo-video/index.js';
import { SEARCH_DICTIONARIES } from './public/site-video-data.js';
import { clockOf, dictionaryOf, parseTrack, plainCueText } from './website-video-tracks.js';

describe('video tracks', () => {
  it('reads a WebVTT track into timed lines without their tags', () => {
    const cues = parseTrack(
      'WEBVTT\n\n00:01.500 --> 00:04.000\n<v Anna>Buongiorno &amp; <i>benvenuta</i></v>\n\n01:02:03.000 --> 01:02:05.000\nDopo\n',
      'subtitles',
    );
    expect(cues).toEqual([
      { startMs: 1500, endMs: 4000, text: 'Buongiorno & benvenuta' },
      { startMs: 3_723_000, endMs: 3_725_000, text: 'Dopo' },
    ]);
  });

  it('refuses what is not WebVTT, names the line, and a track without a timed line', () => {
    expect(() => parseTrack('1\n00:00:01,000 --> 00:00:02,000\nSRT\n', 'subtitles')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    try {
      parseTrack('WEBVTT\n\n00:05.000 --> 00:04.000\nIndietro\n', 'subtitles');
      expect.unreachable();
    } catch (error) {
      expect((error as { errors: { field: string; message: { it: string } }[] }).errors[0]).toMatchObject({
        field: 'vtt',
        message: { it: expect.stringContaining('3: End timestamp') },
      });
    }
    expect(() => parseTrack('WEBVTT\n', 'chapters')).toThrow();
  });

  it('gives every language a dictionary the search runs, stemming where PostgreSQL can', () => {
    for (const lang of SITE_LANGUAGES) expect(SEARCH_DICTIONARIES).toContain(dictionaryOf(lang));
    expect(dictionaryOf('it')).toBe('italian');
    expect(dictionaryOf('ar')).toBe('arabic');
    expect(dictionaryOf('ur')).toBe('simple');
  });

  it('has the demo chapter’s three tracks valid, with the same times, in every language', () => {
    const times = (vtt: string, kind: 'subtitles' | 'descriptions' | 'chapters') =>
      parseTrack(vtt, kind).map((c) => [c.startMs, c.endMs]);
    for (const lang of SITE_LANGUAGES)
      for (const kind of ['subtitles', 'descriptions', 'chapters'] as const)
        expect(times(DEMO_CHAPTER[lang][kind], kind)).toEqual(times(DEMO_CHAPTER.it[kind], kind));
  });

  it('writes times as a reader reads them', () => {
    expect(clockOf(0)).toBe('0:00');
    expect(clockOf(65_400)).toBe('1:05');
    expect(clockOf(3_725_000)).toBe('1:02:05');
    expect(plainCueText('a&lt;b&gt;  c')).toBe('a<b> c');
  });
});
