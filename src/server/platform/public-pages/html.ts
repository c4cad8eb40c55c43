/**
 * HTML built by hand for the public pages, made safe by construction: every value put into the
 * `html` template is escaped (text and attribute values alike) unless it is already `SafeHtml`,
 * which only this template and `trustedMarkup` make. Event titles and descriptions are typed by
 * operators and shown to anyone: an unescaped one would be a stored script on a public page.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** The only way markup is written: the literal parts as they are, every value escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Markup Trama generated itself (the QR library's SVG): never anything a person typed. */
export const trustedMarkup = (markup: string) => new SafeHtml(markup);

/** A ticket code as it is printed: two groups of four, easier to read aloud and copy. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** What a person types as a ticket code (spaces, dashes, lower case) in its stored form. */
export const typedCode = (value: string | undefined) => (value ?? '').replace(/[\s-]/g, '').toUpperCase();
