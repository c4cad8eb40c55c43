import { describe, expect, it } from 'vitest';
import { libraryImages, sanitiseBody } from './website-html.js';

const ID = '0b7e8d2c-1f3a-4c5d-9e8f-a1b2c3d4e5f6';

describe('images in editor HTML', () => {
  it('keeps an image of the media library by its path only, and drops every other image', () => {
    const body = sanitiseBody(
      `<p>Prima</p><img lang="en" dir="rtl" src="/sito/immagini/${ID}" alt="x" onerror="alert(1)" width="9"><img src="https://tracker.example/p.gif"><img src="/sito/immagini/../x"><img src="data:image/png;base64,AAAA">`,
    );
    expect(body).toBe(`<p>Prima</p><img src="/sito/immagini/${ID}" />`);
    expect(libraryImages(body)).toEqual([ID]);
    expect(libraryImages('<p>niente</p>')).toEqual([]);
  });
});
