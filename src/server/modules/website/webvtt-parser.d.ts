/** The W3C WebVTT parser and validator (webvtt-parser, no types of its own): the part Trama uses. */
declare module 'webvtt-parser' {
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export interface WebVTTError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'subtitles' | 'chapters' | 'metadata',
    ): { cues: WebVTTCue[]; errors: WebVTTError[] };
  }
}
