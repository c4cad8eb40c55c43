import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TReferral } from '../../src/contracts/index.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { casesTestKit, consentFor, minorConsent, SECTIONS } from './support.js';

// Before sending, the sender sees whose consent is missing, by the same rule the sending applies.
const { t, ids, ok, call, registerFamily } = casesTestKit();

describe('a draft referral', () => {
  it('names the people without a consent in force, until their consent is recorded', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.etno!));
    const draft = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.mother, ids.child],
      toServiceId: ids.etno,
      purpose: 'taking_into_care',
      urgency: 'routine',
      sections: SECTIONS,
      message: 'Nuovo invio',
    });
    expect(draft.content?.withoutConsent).toEqual([ids.child]);
    // Asked directly by another service's worker, the database names nobody.
    const [other] = await queryRows<{ organisation_id: string }>(
      t.database.db,
      sql`select organisation_id from services where id = ${ids.tmRomano}`,
    );
    const asOutsider = await withDbContext(
      t.database.db,
      {
        userId: await t.userId('operatore.romano'),
        role: 'practitioner',
        organisationId: other!.organisation_id,
        serviceId: ids.tmRomano!,
      },
      (tx) =>
        queryRows<{ ids: string[] }>(tx, sql`select referral_people_without_consent(${draft.id}) as ids`),
    );
    expect(asOutsider[0]!.ids).toEqual([]);
    expect((await call('operatrice', 'POST', `/api/referrals/${draft.id}/send`, {})).statusCode).toBe(422);

    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.etno!));
    const ready = await ok<TReferral>('operatrice', 'GET', `/api/referrals/${draft.id}`);
    expect(ready.content?.withoutConsent).toEqual([]);
    await ok('operatrice', 'POST', `/api/referrals/${draft.id}/send`, {});
    const recipient = await ok<TReferral>('responsabile', 'GET', `/api/referrals/${draft.id}`);
    expect(recipient.content?.withoutConsent).toEqual([]);
  });
});
