import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { newCheckpointKey } from './checkpoint-key.js';
import { checkSealedFile, sealFile } from './file-seal.js';

const key = newCheckpointKey();
const trusted = new Map([[key.keyId, key.publicKey]]);
const statement = {
  kind: 'impact-report',
  signedAt: '2026-12-03T10:00:00.000Z',
  about: { report: 'r1', final: true },
};

async function pdf(): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Valore: 42');
  doc.end();
  return done;
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Rapporto').addRow(['Valore', 42]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sealed files', () => {
  it.each([
    ['pdf', pdf],
    ['xlsx', xlsx],
  ] as const)('a sealed %s verifies, and fails once a byte is changed', async (format, make) => {
    const sealed = sealFile({ bytes: await make(), format, statement, key });
    const check = checkSealedFile({ bytes: sealed, publicKeys: trusted });
    expect(check).toMatchObject({
      ok: true,
      format,
      keyId: key.keyId,
      statement: { about: { report: 'r1' } },
    });

    const edited = Buffer.from(sealed);
    // A byte of the body (a third of the way in): the seal at the end is not what is tested here.
    const at = Math.floor(edited.length / 3);
    edited[at] = edited[at] === 0x39 ? 0x38 : 0x39;
    expect(checkSealedFile({ bytes: edited, publicKeys: trusted })).toEqual({
      ok: false,
      problem: expect.stringMatching(/changed after it was sealed/),
    });
  });

  it('an XLSX stays a readable workbook once sealed', async () => {
    const sealed = sealFile({ bytes: await xlsx(), format: 'xlsx', statement, key });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sealed as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Rapporto')?.getCell('B1').value).toBe(42);
  });

  it('refuses a seal by an unknown key, a forged signature and a file without a seal', async () => {
    const other = newCheckpointKey();
    const bytes = await pdf();
    expect(
      checkSealedFile({
        bytes: sealFile({ bytes, format: 'pdf', statement, key: other }),
        publicKeys: trusted,
      }),
    ).toEqual({
      ok: false,
      problem: `signed by unknown key ${other.keyId}`,
    });
    // Another key's signature under this key's id: the signature check, not the id, decides.
    const forged = sealFile({ bytes, format: 'pdf', statement, key: { ...other, keyId: key.keyId } });
    expect(checkSealedFile({ bytes: forged, publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/forged or altered/),
    });
    expect(checkSealedFile({ bytes, publicKeys: trusted })).toEqual({
      ok: false,
      problem: 'the PDF carries no seal',
    });
    expect(checkSealedFile({ bytes: Buffer.from('hello'), publicKeys: trusted })).toEqual({
      ok: false,
      problem: 'neither a PDF nor an XLSX file',
    });
  });

  it('refuses bytes added after the seal: a PDF update after it, a longer ZIP comment', async () => {
    // Node's base64 decoder stops at '=': without a strict seal, what follows would escape the hash.
    const pdfSealed = sealFile({ bytes: await pdf(), format: 'pdf', statement, key });
    const update = Buffer.from('=\n1 0 obj << /Length 9 >> stream\nBT (9999) ET\nendstream endobj\n%%EOF\n');
    expect(checkSealedFile({ bytes: Buffer.concat([pdfSealed, update]), publicKeys: trusted })).toMatchObject(
      {
        ok: false,
        problem: expect.stringMatching(/not the end of the file/),
      },
    );
    const zipSealed = sealFile({ bytes: await xlsx(), format: 'xlsx', statement, key });
    const extra = Buffer.from('=PK\u0005\u0006 a second directory', 'latin1');
    const longer = Buffer.concat([zipSealed, extra]);
    const end = longer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), zipSealed.length - 1);
    longer.writeUInt16LE(longer.readUInt16LE(end + 20) + extra.length, end + 20);
    expect(checkSealedFile({ bytes: longer, publicKeys: trusted })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not the whole archive comment/),
    });
  });
});
