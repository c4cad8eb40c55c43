import { describe, expect, it } from 'vitest';
import { multilineText, text } from './common.js';

describe('free text', () => {
  it('a line keeps no control character; a text area keeps its paragraphs and nothing else', () => {
    expect(text({ max: 50 }).safeParse('riga uno\nriga due').success).toBe(false);
    const area = multilineText({ max: 50 });
    expect(area.parse('riga uno\r\n\triga due')).toBe('riga uno\r\n\triga due');
    expect(area.safeParse('a\u0000b').success).toBe(false);
    expect(area.safeParse('a\u001b[2Jb').success).toBe(false);
    expect(area.safeParse('a\u0085b').success).toBe(false);
  });
});
