import { sql } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { TPlan } from '../../src/contracts/autonomy.js';
import type { THousehold } from '../../src/contracts/households.js';
import { testAppKit } from '../harness/test-app.js';

/**
 * What every autonomy test file needs: the harness's kit (its own app on its own copy of the seeded
 * database, the demo accounts signed in on first use), the demo autonomy service and builders.
 * `operatrice` (a practitioner of the demo's first service) registers households and opens plans;
 * `tutor.autonomia` (practitioner of the demo "Autonomia e abitare" service) tutors them;
 * `coordinatrice.abitare` is its housing coordinator; `ragioneria` its finance officer.
 */
export const TUTOR = 'tutor.autonomia';
export const HOUSING = 'coordinatrice.abitare';
export const FINANCE = 'ragioneria';
export const TREVIGLIO = '016219';

const adult = {
  givenName: 'Samira',
  familyName: 'Benali',
  relationship: 'reference_person',
  caseRole: 'victim',
  birthYear: 1988,
  gender: 'female',
  citizenship: 'MA',
  languages: ['ar', 'fr'],
  preferredLanguage: 'ar',
  interpreterNeeded: false,
  municipality: TREVIGLIO,
};
const child = { ...adult, givenName: 'Yasmin', relationship: 'child', caseRole: 'child', birthYear: 2017 };

export function autonomyTestKit() {
  const kit = testAppKit();
  const { ok, system, userId } = kit;
  /** The demo autonomy service, its organisation (the partner that manages its units) and a district. */
  const refs = { serviceId: '', organisationId: '', districtId: '' };
  beforeAll(async () => {
    const [service] = await system<{ id: string; organisation_id: string }>(
      sql`select id, organisation_id from services where kind = 'autonomy_housing' order by created_at limit 1`,
    );
    const [district] = await system<{ id: string }>(sql`select id from districts order by code limit 1`);
    refs.serviceId = service!.id;
    refs.organisationId = service!.organisation_id;
    refs.districtId = district!.id;
  });

  /** operatrice registers a mother and a child; returns the household and the mother's id. */
  async function newHousehold() {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: TREVIGLIO,
      members: [adult, child],
      acknowledgeDuplicates: true,
    });
    return { household: h, adultId: h.members[0]!.id, childId: h.members[1]!.id };
  }

  /** A fresh household and an active plan for its adult, opened by operatrice, tutored by `tutor`. */
  async function newPlan({ tutor = TUTOR }: { tutor?: string } = {}) {
    const { household, adultId } = await newHousehold();
    const plan = await ok<TPlan>('operatrice', 'POST', '/api/autonomy/plans', {
      personId: adultId,
      origin: 'direct',
      tutorUserId: await userId(tutor),
      startedOn: '2026-10-01',
      nextReviewOn: '2027-01-15',
    });
    return { plan, household, adultId };
  }

  return { ...kit, refs, newHousehold, newPlan };
}
