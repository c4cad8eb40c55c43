import sanitizeHtml from 'sanitize-html';

/**
 * The HTML editors write, made safe by an allow-list (sanitize-html): text structure and links,
 * nothing that runs, styles or loads from elsewhere (no script, style, iframe, image of another
 * site, event attribute). Links go to https, mail or phone, or to a path of this site; a link to
 * another site opens without telling it where the reader came from. Images are the media library's
 * only (`<img src="/sito/immagini/<id>">`).
 */
const LIBRARY_IMAGE = /^\/sito\/immagini\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'br',
    'blockquote',
    'img',
  ],
  // An image is one of the media library's, by its path only: its sizes and alt text are the library's.
  allowedAttributes: { a: ['href', 'hreflang', 'lang', 'dir', 'rel'], img: ['src'], '*': ['lang', 'dir'] },
  exclusiveFilter: (frame) => frame.tag === 'img' && !LIBRARY_IMAGE.test(frame.attribs.src ?? ''),
  allowedSchemes: ['https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Only the library's path: a lang or dir would hide the image from the alt-text check.
    img: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: attribs.src ? { src: attribs.src } : {},
    }),
    // The editor's own rel is replaced: only the site decides what a link tells another site.
    a: (tagName, { rel: _rel, ...attribs }) =>
      attribs.href?.startsWith('https:')
        ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }
        : { tagName, attribs },
  },
  allowedClasses: {},
};

/** What the site stores: the editor's HTML with everything outside the allow-list removed. */
export const sanitiseBody = (html: string) => sanitizeHtml(html, OPTIONS).trim();

/** The plain text of a body, for diffs and search. */
export const bodyText = (html: string) =>
  sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|blockquote)>|<br\s*\/?>/g, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The media library's images a (sanitised) body shows, by id. */
export const libraryImages = (html: string) => [
  ...new Set([...html.matchAll(/<img src="\/sito\/immagini\/([0-9a-f-]{36})" \/>/g)].map((m) => m[1]!)),
];

/** The paths of this site a body links to (`/sito/…`, `/eventi/…`), as written. */
export function internalLinks(html: string): string[] {
  const links = new Set<string>();
  sanitizeHtml(html, {
    allowedTags: ['a'],
    allowedAttributes: { a: ['href'] },
    exclusiveFilter: (frame) => {
      const href = frame.attribs.href;
      if (frame.tag === 'a' && href?.startsWith('/'))
        links.add(href.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/');
      return false;
    },
  });
  return [...links];
}
