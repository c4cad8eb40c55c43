import type { TFeedbackAnswer } from './feedback-words.js';

/** Each answer's face and colour: smiling for yes, straight for partly, sad for no. */
const FACES: Record<TFeedbackAnswer, { mouth: string; fill: string }> = {
  yes: { mouth: 'M19 39 Q32 53 45 39', fill: '#c8ebcf' },
  partly: { mouth: 'M20 43 H44', fill: '#fbe3a6' },
  no: { mouth: 'M19 48 Q32 34 45 48', fill: '#f7c6c6' },
};

/**
 * A pictogram for an answer, for people who read little: a face beside the words (never instead
 * of them), so it is hidden from screen readers, which read the words.
 */
export function AnswerFace({ answer, size = 64 }: { answer: TFeedbackAnswer; size?: number }) {
  const { mouth, fill } = FACES[answer];
  return (
    <svg
      viewBox="0 0 64 64"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      data-face={answer}
    >
      <circle cx="32" cy="32" r="29" fill={fill} stroke="#1b1b1b" strokeWidth="3" />
      <circle cx="22" cy="25" r="3.5" fill="#1b1b1b" />
      <circle cx="42" cy="25" r="3.5" fill="#1b1b1b" />
      <path d={mouth} fill="none" stroke="#1b1b1b" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
