import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem.js';
import { impactTranslators } from './impact-translators.js';
import {
  failureWords,
  reportFile,
  reportPeriod,
  SEAL_PROBLEMS,
  sealedAt,
  sealProblem,
} from './report-verify-format.js';

let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ tIt, tEn } = await impactTranslators());
});

describe('the server’s reasons in words', () => {
  it('recognises each reason the seal check gives', () => {
    expect(sealProblem('the PDF carries no seal')).toBe('noSeal');
    expect(sealProblem('the spreadsheet carries no seal')).toBe('noSeal');
    expect(
      sealProblem('the file was changed after it was sealed (its content does not match the signature)'),
    ).toBe('changed');
    expect(sealProblem('signed by unknown key trama-2026-01')).toBe('unknownKey');
    expect(
      sealProblem("the seal's signature does not verify with key trama-2026-01 (forged or altered)"),
    ).toBe('forged');
    expect(sealProblem('neither a PDF nor an XLSX file')).toBe('notPdfOrXlsx');
    expect(sealProblem('the seal is not an impact report’s')).toBe('notImpactReport');
  });

  it('takes any other reason, or none, as an unreadable seal', () => {
    expect(sealProblem('the seal is unreadable')).toBe('unreadable');
    expect(sealProblem('the archive has no end record')).toBe('unreadable');
    expect(sealProblem('')).toBe('unreadable');
    expect(sealProblem(null)).toBe('unreadable');
  });

  it('words every reason in both languages, never in the server’s English', () => {
    for (const problem of SEAL_PROBLEMS) {
      for (const t of [tIt, tEn]) expect(t(`impact.verify.problems.${problem}`)).not.toContain('impact.');
    }
    expect(tIt('impact.verify.problems.noSeal')).toBe('Il file non porta il sigillo di Trama');
    expect(tIt('impact.verify.problems.changed')).toBe('Il file è stato modificato dopo la firma');
    expect(tIt('impact.verify.problems.unknownKey')).toBe(
      'Firmato con una chiave che questo sito non riconosce',
    );
    expect(tIt('impact.verify.problems.forged')).toBe('La firma non corrisponde');
    expect(tIt('impact.verify.problems.notPdfOrXlsx')).toBe('Non è un file PDF o XLSX');
    expect(tIt('impact.verify.problems.unreadable')).toBe('Il sigillo non è leggibile');
  });
});

describe('the sealed report in words', () => {
  it('names the period with its dates, or says it is not recognised', () => {
    expect(reportPeriod('2026-q3', tIt, 'it')).toBe('3º trimestre 2026 (1 luglio – 30 settembre 2026)');
    expect(reportPeriod('2026-q3', tEn, 'en')).toBe('Q3 2026 (1 July – 30 September 2026)');
    expect(reportPeriod('project', tIt, 'it')).toBe('Intero progetto');
    expect(reportPeriod('2099-q1', tIt, 'it')).toBe('Periodo non riconosciuto');
  });

  it('says the format and the language', () => {
    expect(reportFile({ format: 'pdf', lang: 'it' }, tIt)).toBe('PDF in italiano');
    expect(reportFile({ format: 'xlsx', lang: 'en' }, tIt)).toBe('Foglio di calcolo XLSX in inglese');
    expect(reportFile({ format: 'pdf', lang: 'it' }, tEn)).toBe('PDF in Italian');
  });

  it('writes the moment of the seal in Italian time', () => {
    // 08:30 UTC on 14 July is 10:30 in Rome (summer time, UTC+2).
    expect(sealedAt('2026-07-14T08:30:00.000Z', tIt, 'it')).toBe(
      '14 luglio 2026 alle ore 10:30 (ora italiana)',
    );
    expect(sealedAt('2026-07-14T08:30:00.000Z', tEn, 'en')).toBe('14 July 2026 at 10:30 (Italian time)');
    expect(sealedAt('not a date', tIt, 'it')).toBe('Data non leggibile');
  });
});

describe('a check that could not be made', () => {
  it('says a file too large, too many tries and no connection in its own words', () => {
    const tooLarge = new ApiError(413, {
      type: 'urn:trama:problem:body-too-large',
      title: 'Request too large',
      status: 413,
      localized: {
        it: {
          title: 'Richiesta troppo grande',
          detail: 'Il corpo della richiesta supera il limite consentito.',
        },
        en: { title: 'Request too large', detail: 'The request body is over the allowed size.' },
      },
    });
    expect(failureWords(tooLarge, tIt, 'it')).toContain('troppo grande');
    expect(failureWords(tooLarge, tIt, 'it')).not.toContain('corpo della richiesta');
    expect(failureWords(new ApiError(429, null), tIt, 'it')).toBe(
      'Troppe verifiche in poco tempo: riprova tra qualche minuto.',
    );
    expect(failureWords(new ApiError(0, null, 'network'), tEn, 'en')).toContain('connection');
  });

  it('uses the server’s localised words for other refusals, and a generic text otherwise', () => {
    const refused = new ApiError(400, {
      type: 'urn:trama:problem:bad-request',
      title: 'Bad request',
      status: 400,
      localized: { it: { title: 'Richiesta non valida' }, en: { title: 'Bad request' } },
    });
    expect(failureWords(refused, tIt, 'it')).toBe('Richiesta non valida.');
    expect(failureWords(new Error('boom'), tIt, 'it')).toBe(
      'Si è verificato un errore imprevisto: riprova tra qualche minuto.',
    );
  });
});
