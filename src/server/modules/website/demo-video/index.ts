import type { TSiteLanguage } from '../../../../contracts/website.js';
import { AR } from './ar.js';
import type { DemoChapterText } from './demo-chapter-text.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { PA } from './pa.js';
import { RO } from './ro.js';
import { SQ } from './sq.js';
import { UK } from './uk.js';
import { UR } from './ur.js';

export const DEMO_CHAPTER: Record<TSiteLanguage, DemoChapterText> = {
  it: IT,
  en: EN,
  fr: FR,
  ar: AR,
  sq: SQ,
  pa: PA,
  ur: UR,
  ro: RO,
  uk: UK,
  es: ES,
};
