import webvtt from 'webvtt-parser';
import type { TSiteLanguage } from '../../../contracts/website.js';
import type { TVideoTrackKind } from '../../../contracts/website-videos.js';
import { problems } from '../../platform/http/problem.js';

/**
 * The text tracks of the video manual: WebVTT checked by the W3C parser before it is stored, so
 * the player never meets a track it cannot read; and each line's plain words, for the transcript
 * beside the video and the search across transcripts.
 */

export interface Cue {
  startMs: number;
  endMs: number;
  /** The words of the line, without WebVTT's tags (voice, italics, classes). */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};

export const plainCueText = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();

/** The cues of a track, or a 400 naming `vtt` with the parser's first findings and their lines. */
export function parseTrack(vtt: string, kind: TVideoTrackKind): Cue[] {
  const { cues, errors } = new webvtt.WebVTTParser().parse(
    vtt,
    kind === 'chapters' ? 'chapters' : 'subtitles',
  );
  if (errors.length > 0 || cues.length === 0) {
    const found = errors.slice(0, 5).map((e) => `${e.line}: ${e.message}`);
    const where = found.length > 0 ? ` ${found.join(' · ')}` : '';
    throw problems.field('vtt', 'invalid_vtt', {
      it: `Il testo non è un WebVTT valido o non ha righe con i tempi (riga: errore).${where}`,
      en: `The text is not valid WebVTT or has no timed lines (line: error).${where}`,
    });
  }
  return cues
    .map((c) => ({
      startMs: Math.round(c.startTime * 1000),
      endMs: Math.round(c.endTime * 1000),
      text: plainCueText(c.text),
    }))
    .filter((c) => c.text !== '');
}

/** PostgreSQL's snowball dictionary for a language, where it has one; `simple` (no stemming) otherwise. */
const DICTIONARIES: Partial<Record<TSiteLanguage, string>> = {
  it: 'italian',
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ro: 'romanian',
  ar: 'arabic',
};
export const dictionaryOf = (lang: TSiteLanguage) => DICTIONARIES[lang] ?? 'simple';

/** "1:05" or "1:02:05": where a line is said, as a reader reads it. */
export function clockOf(ms: number) {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
