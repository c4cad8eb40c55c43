import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FILE_LIMITS, type XmlLimits } from './file-limits.js';
import { uploadRefusals } from './upload-refusals.js';

export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown by a handler to stop reading early (a reader that has what it needs); not an error. */
export class StopReading extends Error {}

/**
 * Streams one XML part through a SAX parser with its memory bounded: no text or tag longer than
 * `maxTokenChars` (a SAX parser holds each whole), no nesting deeper than `maxDepth` (its stack),
 * no element with more than `maxAttributes`, no DOCTYPE (entity definitions are where XML bombs
 * live). A handler may throw a refusal, or `StopReading` to end early; either way the stream is
 * destroyed, so inflating stops too.
 */
export async function readXml({
  stream,
  handlers,
  limits = FILE_LIMITS.xml,
}: {
  stream: Readable;
  handlers: XmlHandlers;
  limits?: XmlLimits;
}): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let attributes = 0;
  parser.on('doctype', () => {
    throw uploadRefusals.markupTooComplex();
  });
  parser.on('opentagstart', () => {
    attributes = 0;
    depth += 1;
    if (depth > limits.maxDepth) throw uploadRefusals.markupTooComplex();
  });
  parser.on('attribute', () => {
    attributes += 1;
    if (attributes > limits.maxAttributes) throw uploadRefusals.markupTooComplex();
  });
  parser.on('opentag', (tag) => handlers.open?.(tag));
  parser.on('text', (text) => handlers.text?.(text));
  parser.on('cdata', (text) => handlers.text?.(text));
  parser.on('closetag', (tag) => {
    depth -= 1;
    handlers.close?.(tag.name);
  });
  const decoder = new StringDecoder('utf8');
  let run = 0;
  try {
    for await (const chunk of stream) {
      const text = decoder.write(chunk as Buffer);
      // The longest stretch without '<' bounds every text node and every tag the parser buffers.
      let from = 0;
      for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
        if (run + at - from > limits.maxTokenChars) throw uploadRefusals.markupTooComplex();
        run = 0;
        from = at;
      }
      run += text.length - from;
      if (run > limits.maxTokenChars) throw uploadRefusals.markupTooComplex();
      parser.write(text);
    }
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    stream.destroy();
    if (error instanceof StopReading) return;
    throw error;
  }
}
