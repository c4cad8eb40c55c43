import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { casesTestKit } from '../cases/support.js';

/** The research export: pseudonymised rows of consented people only, audited and listed for the DPO. */
const { call, ok, system } = casesTestKit();

describe('research export', () => {
  it('give the researcher pseudonymised rows of consented people only, audited and listed for the DPO', async () => {
    const [study] = await ok<{ id: string }[]>('ricercatrice', 'GET', '/api/research/studies');
    const first = await ok<{ rows: Record<string, unknown>[] }>(
      'ricercatrice',
      'GET',
      `/api/research/studies/${study!.id}/export`,
    );
    const text = JSON.stringify(first);
    for (const forbidden of ['Fatima', 'Zahra', 'Hussain', 'Ayesha', 'RSSMRA', '016219', 'Obiettivi'])
      expect(text).not.toContain(forbidden);
    expect(first.rows.length).toBeGreaterThan(0);
    for (const row of first.rows) {
      expect(row.openedMonth).toMatch(/^\d{4}-\d{2}$/);
      expect(row.personCode).toMatch(/^P-/);
    }
    // Only people with research consent: the seeded ones, not this file's family.
    const consented =
      await system(sql`select count(distinct rp.person_id)::int as n from referral_people rp join cases c on c.referral_id = rp.referral_id
      join consents k on k.person_id = rp.person_id and k.purpose = 'research' and k.revoked_at is null`);
    expect(new Set(first.rows.map((r) => r.personCode)).size).toBe((consented[0] as { n: number }).n);
    const again = await ok<{ rows: { personCode: string }[] }>(
      'ricercatrice',
      'GET',
      `/api/research/studies/${study!.id}/export`,
    );
    expect(again.rows.map((r) => r.personCode)).toEqual(first.rows.map((r) => r.personCode));
    const csv = await call('ricercatrice', 'GET', `/api/research/studies/${study!.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const exports = await ok<{ username: string }[]>('dpo', 'GET', '/api/research/exports');
    expect(exports.filter((e) => e.username === 'ricercatrice')).toHaveLength(3);
    expect((await call('ricercatrice', 'GET', '/api/research/exports')).statusCode).toBe(403);
  });

  it('names the codes: the preview gets the names of reference codes, the CSV words with each code beside them', async () => {
    const [study] = await ok<{ id: string }[]>('ricercatrice', 'GET', '/api/research/studies');
    const dataset = await ok<{
      rows: Record<string, string | number | boolean | null>[];
      labels: Record<string, { it: string; en: string }>;
    }>('ricercatrice', 'GET', `/api/research/studies/${study!.id}/export`);
    // Every country, language and district in the rows has its names (but "unknown" and "other", which are words of the app).
    const named = (column: string) =>
      [...new Set(dataset.rows.map((r) => String(r[column])))].filter(
        (c) => c !== 'unknown' && c !== 'other',
      );
    for (const [list, column] of [
      ['country', 'country'],
      ['language', 'preferredLanguage'],
      ['district', 'district'],
    ] as const)
      for (const code of named(column)) expect(dataset.labels[`${list}:${code}`]?.it, code).toBeTruthy();
    expect(named('district').length).toBeGreaterThan(0);

    const csv = await call('ricercatrice', 'GET', `/api/research/studies/${study!.id}/export?format=csv`);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const { data, errors } = Papa.parse<string[]>(csv.body.slice(1).trim(), { delimiter: ';' });
    expect(errors).toEqual([]);
    const [header, ...lines] = data;
    expect(header!.slice(0, 6)).toEqual([
      'Caso',
      'Persona',
      'Ruolo',
      'Ruolo (codice)',
      "Fascia d'età",
      "Fascia d'età (codice)",
    ]);
    const column = (name: string) => header!.indexOf(name);
    expect(lines).toHaveLength(dataset.rows.length);
    lines.forEach((line, i) => {
      const row = dataset.rows[i]!;
      expect(line[column('Genere (codice)')]).toBe(row.gender);
      expect(line[column('Genere')]).toBe(
        { female: 'Donna o ragazza', male: 'Uomo o ragazzo', other: 'Altro', not_stated: 'Non dichiarato' }[
          String(row.gender)
        ],
      );
      expect(line[column('Ambito (codice)')]).toBe(row.district);
      if (row.district !== 'unknown')
        expect(line[column('Ambito')]).toBe(dataset.labels[`district:${row.district}`]!.it);
      expect(line[column('Interprete')]).toBe(row.interpreterNeeded ? 'Sì' : 'No');
    });
    const english = await call(
      'ricercatrice',
      'GET',
      `/api/research/studies/${study!.id}/export?format=csv&lang=en`,
    );
    expect(english.body).toContain('Gender;Gender (code)');
  });
});
