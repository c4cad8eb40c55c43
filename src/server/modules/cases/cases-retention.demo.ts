import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { randomCode } from './cases.identifiers.js';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const yearsAgo = (years: number) => new Date(Date.now() - years * YEAR_MS);

/**
 * Three families whose cases closed eleven to thirteen years ago, past the ten-year default of
 * case records (issue 23): the DPO's first dry run lists them, one (N-ARCHIV3) under a legal hold placed
 * by privacy.demo.ts, and approving it anonymises the other two.
 */
export const RETENTION_DEMO_FAMILIES = [
  {
    code: 'N-ARCHIV1',
    familyName: 'Benali',
    givenName: 'Khadija',
    country: 'MA',
    language: 'ar',
    closedYearsAgo: 13,
  },
  {
    code: 'N-ARCHIV2',
    familyName: 'Okafor',
    givenName: 'Ngozi',
    country: 'NG',
    language: 'en',
    closedYearsAgo: 12,
  },
  {
    code: 'N-ARCHIV3',
    familyName: 'Iqbal',
    givenName: 'Samina',
    country: 'PK',
    language: 'ur',
    closedYearsAgo: 11,
  },
] as const;

export async function seedDemoRetentionCases({
  tx,
  keyring,
  serviceIds,
  userIds,
  districtIds,
}: DemoSeedContext) {
  const etno = serviceIds.get('etnoclinica')!;
  const owner = serviceIds.get('tm-treviglio')!;
  const lead = userIds.get('responsabile')!;
  const district = districtIds.get('TREVIGLIO') ?? null;
  for (const family of RETENTION_DEMO_FAMILIES) {
    const closedAt = yearsAgo(family.closedYearsAgo);
    const openedAt = yearsAgo(family.closedYearsAgo + 1.5);
    const householdId = randomUUID();
    await tx.execute(sql`insert into households (id, code, owner_service_id, municipality, district_id, created_by, created_at)
        values (${householdId}, ${family.code}, ${owner}, '016219', ${district}, ${lead}, ${openedAt})`);
    const personId = randomUUID();
    await tx.execute(sql`insert into people (id, household_id, position, given_name, family_name, relationship, case_role,
          birth_year, gender, citizenship, languages, preferred_language, municipality, identifier_type, identifier)
        values (${personId}, ${householdId}, 0, ${family.givenName}, ${family.familyName}, 'reference_person', 'victim',
          1980, 'female', ${family.country}, ${`{${family.language},it}`}::text[], ${family.language}, '016219', 'none', null)`);
    const referralId = randomUUID();
    await tx.execute(sql`insert into referrals (id, household_id, from_service_id, to_service_id, purpose, urgency, sections,
          message, status, legal_basis, created_by, sent_at)
        values (${referralId}, ${householdId}, ${owner}, ${etno}, 'taking_into_care', 'routine', '{family_migration,languages}'::text[],
          ${`Invio della signora ${family.givenName} ${family.familyName} per presa in carico etnoclinica.`},
          'closed', 'consent', ${lead}, ${openedAt})`);
    await tx.execute(
      sql`insert into referral_people (referral_id, person_id) values (${referralId}, ${personId})`,
    );
    const caseId = randomUUID();
    await tx.execute(sql`insert into cases (id, code, household_id, referral_id, service_id, district_id, lead_user_id,
          status, opened_at, plan_status, closure_outcome, closed_at, closure_approved_by)
        values (${caseId}, ${randomCode('C')}, ${householdId}, ${referralId}, ${etno}, ${district}, ${lead},
          'closed', ${openedAt}, 'approved', 'autonomy_reached', ${closedAt}, ${lead})`);
    await tx.execute(sql`insert into case_files (case_id, intake, closure_reason, updated_by)
        values (${caseId}, ${JSON.stringify({ presentingProblem: 'Violenza domestica; isolamento linguistico.' })}::jsonb,
          'Autonomia abitativa e lavorativa raggiunta.', ${lead})`);
    const sessionId = randomUUID();
    await tx.execute(sql`insert into case_sessions (id, case_id, kind, starts_at, duration_minutes, place, language, status, created_by)
        values (${sessionId}, ${caseId}, 'ethnoclinical_group', ${openedAt}, 90, 'service', ${family.language}, 'held', ${lead})`);
    const noteId = randomUUID();
    await tx.execute(sql`insert into session_notes (id, session_id, section, body_encrypted, author_id)
        values (${noteId}, ${sessionId}, 'psychological',
          ${encryptField({ keyring, plaintext: `${family.givenName} racconta la violenza subita e il timore per i figli.`, context: `session_notes.body:${noteId}` })},
          ${lead})`);
  }
}
