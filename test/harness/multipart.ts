import { randomBytes } from 'node:crypto';

/**
 * A multipart/form-data body as a browser form sends it: the text fields first, then one file in
 * the field `file` (platform/storage/upload.ts reads the fields sent before the file).
 */
export function multipartBody({
  fields = {},
  file,
}: {
  fields?: Record<string, string>;
  file: { name: string; type: string; data: Buffer };
}) {
  const boundary = `----trama${randomBytes(8).toString('hex')}`;
  const texts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(texts.join('') + head),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
