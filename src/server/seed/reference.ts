import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import countriesLib from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import { type Database, type Queryable, queryRows } from '../platform/db/client.js';
import { countries, districts, languages, municipalities } from '../platform/tenancy/tenancy.sql.js';
import { holdSeedLock } from './seed-lock.js';

const REFERENCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../db/reference');

// EU member states since 1 February 2020: citizenship decides third-country-national eligibility.
const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

const DISTRICTS: Record<string, { code: string; managingBody: string }> = {
  Treviglio: { code: 'TREVIGLIO', managingBody: "Risorsa Sociale Gera d'Adda — azienda speciale consortile" },
  'Romano di Lombardia': { code: 'ROMANO', managingBody: 'Solidalia — azienda speciale consortile' },
};

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(join(REFERENCE_DIR, file)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}

/** Loads the reference data once (idempotent: existing rows are left as administrators edited them). */
export async function loadReferenceData(database: Database) {
  const { db } = database;
  await db.transaction(async (tx) => {
    await holdSeedLock(tx as Queryable);
    countriesLib.registerLocale(it);
    countriesLib.registerLocale(en);
    const names = countriesLib.getNames('it');
    const rows = Object.keys(names).map((code) => ({
      code,
      nameIt: names[code] as string,
      nameEn: countriesLib.getName(code, 'en') ?? code,
      euMember: EU.includes(code),
    }));
    await tx.insert(countries).values(rows).onConflictDoNothing();
    const langs = readCsv<{ code: string; name_it: string; name_en: string; rtl: string }>('languages.csv');
    await tx
      .insert(languages)
      .values(
        langs.map((l) => ({ code: l.code, nameIt: l.name_it, nameEn: l.name_en, rtl: l.rtl === 'true' })),
      )
      .onConflictDoNothing();

    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      tx as Queryable,
      sql`select count(*)::int as n from districts`,
    );
    if (n === 0) await loadComuni(tx);
    await fillCentroids(tx as Queryable);
  });
}

/** The comuni's centres, where they are still missing (a database loaded before they were shipped). */
async function fillCentroids(tx: Queryable) {
  for (const c of readCsv<{ istat_code: string; latitude: string; longitude: string }>(
    'comuni_centroids.csv',
  ))
    await tx.execute(
      sql`update municipalities set latitude = ${Number(c.latitude)}, longitude = ${Number(c.longitude)}
           where istat_code = ${c.istat_code} and latitude is null`,
    );
}

type SeedTx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

async function loadComuni(orm: SeedTx) {
  const comuni = readCsv<{
    ambito: string;
    comune: string;
    istat_code: string;
    codice_catastale: string;
    population_census2011: string;
  }>('ambiti_comuni.csv');
  const ids = new Map<string, string>();
  for (const name of new Set(comuni.map((c) => c.ambito))) {
    const meta = DISTRICTS[name] ?? {
      code: name.toUpperCase().replace(/[^A-Z0-9]+/g, '-'),
      managingBody: null,
    };
    const [row] = await orm
      .insert(districts)
      .values({ code: meta.code, name, managingBody: meta.managingBody })
      .returning({ id: districts.id });
    ids.set(name, row!.id);
  }
  await orm
    .insert(municipalities)
    .values(
      comuni.map((c) => ({
        istatCode: c.istat_code,
        name: c.comune,
        cadastralCode: c.codice_catastale,
        districtId: ids.get(c.ambito)!,
        population: Number(c.population_census2011),
        populationYear: 2011,
      })),
    )
    .onConflictDoNothing();
}
