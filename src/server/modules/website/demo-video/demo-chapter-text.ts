/**
 * The demo chapter of the video manual in one language: its page text and its three WebVTT tracks.
 * The video it goes with is `demo-video.webm` (24 seconds; made by `scripts/make-demo-video.sh`),
 * so every track's times are the same in every language.
 */
export interface DemoChapterText {
  title: string;
  summary: string;
  /** HTML: paragraphs only. */
  body: string;
  subtitles: string;
  descriptions: string;
  chapters: string;
}
