import { type SafeHtml, trustedMarkup } from './html.js';

/**
 * Pictograms beside the words (low literacy: the picture helps, the word says it), drawn inline
 * so nothing is fetched and they take the text's colour. Always decorative: the text beside them
 * is what a screen reader reads.
 */

const SHAPES = {
  person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8"/>',
  anonymous:
    '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8"/><path d="M3 3l18 18"/>',
  phone:
    '<path d="M5 3h3l2 5-2.5 1.5a11 11 0 0 0 7 7L16 14l5 2v3a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
  calendar: '<rect x="3" y="4" width="18" height="17" rx="2"/><path d="M16 2v4M8 2v4M3 10h18"/>',
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
  pin: '<path d="M20 10c0 6-8 12-8 12S4 16 4 10a8 8 0 0 1 16 0z"/><circle cx="12" cy="10" r="3"/>',
  speech: '<path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>',
  ticket:
    '<path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z"/><path d="M14 7v10" stroke-dasharray="2 2"/>',
  check: '<path d="M20 6 9 17l-5-5"/>',
  exit: '<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9"/>',
  shield: '<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/>',
  group:
    '<circle cx="9" cy="8" r="3.5"/><path d="M2 20c0-3.9 3.1-7 7-7s7 3.1 7 7"/><circle cx="17" cy="8" r="2.5"/><path d="M18 13c2.4.5 4 2.6 4 5"/>',
  globe: '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>',
  warning: '<path d="M12 3 2 21h20z"/><path d="M12 10v5M12 18h.01"/>',
  cross: '<path d="M18 6 6 18M6 6l12 12"/>',
} as const;

export type IconName = keyof typeof SHAPES;

/** Icons whose direction means something (an arrow out) turn round in right-to-left pages. */
const DIRECTIONAL: readonly IconName[] = ['exit'];

export function icon(name: IconName): SafeHtml {
  const svg = `<svg class="icon${DIRECTIONAL.includes(name) ? ' directional' : ''}" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${SHAPES[name]}</svg>`;
  return trustedMarkup(svg);
}

/**
 * A face for the answers 1 (sad) to 5 (glad): the mouth bends down below 3, is straight at 3 and
 * bends up above it; the gladdest one opens, so neighbouring faces never look alike.
 */
export function face(score: number): SafeHtml {
  const corners = score < 3 ? 16.5 : score > 3 ? 14.5 : 15.5;
  const middle = corners + (score - 3) * 3;
  const mouth =
    score === 5
      ? `<path d="M7.5 ${corners}Q12 ${middle} 16.5 ${corners}Z" fill="currentColor"/>`
      : `<path d="M7.5 ${corners}Q12 ${middle} 16.5 ${corners}"/>`;
  return trustedMarkup(
    `<svg class="face" viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10"/><path d="M8.5 9.5h.01M15.5 9.5h.01" stroke-width="2.6"/>${mouth}</svg>`,
  );
}
