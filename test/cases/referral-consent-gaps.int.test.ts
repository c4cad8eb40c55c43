import { describe, expect, it } from 'vitest';
import type { TReferral } from '../../src/contracts/index.js';
import { casesTestKit, consentFor, minorConsent, SECTIONS } from './support.js';

// Before sending, the sender sees whose consent is missing, by the same rule the sending applies.
const { ids, ok, call, registerFamily } = casesTestKit();

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
    expect((await call('operatrice', 'POST', `/api/referrals/${draft.id}/send`, {})).statusCode).toBe(422);

    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.etno!));
    const ready = await ok<TReferral>('operatrice', 'GET', `/api/referrals/${draft.id}`);
    expect(ready.content?.withoutConsent).toEqual([]);
    await ok('operatrice', 'POST', `/api/referrals/${draft.id}/send`, {});
    const recipient = await ok<TReferral>('responsabile', 'GET', `/api/referrals/${draft.id}`);
    expect(recipient.content?.withoutConsent).toEqual([]);
  });
});
