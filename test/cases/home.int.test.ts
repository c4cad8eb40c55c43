import { describe, expect, it } from 'vitest';
import type { THome, TReferral } from '../../src/contracts/index.js';
import { casesTestKit, consentFor, SECTIONS } from './support.js';

// What waits on Home: a referral waits for the receiving team from the day it arrives (not only
// once late), and an unsent draft waits for the one who wrote it.
const { ids, ok, registerFamily } = casesTestKit();

const countOf = async (who: string, kind: string) =>
  (await ok<THome>(who, 'GET', '/api/home')).attention.find((i) => i.kind === kind)?.count ?? 0;

describe('home', () => {
  it('shows the sender a draft, then the receiving team the new referral until it is answered', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.etno!));
    const drafts = await countOf('operatrice', 'referral_drafts');
    const received = await countOf('responsabile', 'referrals_received');
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.mother],
      toServiceId: ids.etno,
      purpose: 'taking_into_care',
      urgency: 'routine',
      sections: SECTIONS,
      message: 'Nuovo invio',
    });
    expect(await countOf('operatrice', 'referral_drafts')).toBe(drafts + 1);
    expect(await countOf('responsabile', 'referrals_received')).toBe(received);

    await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
    expect(await countOf('operatrice', 'referral_drafts')).toBe(drafts);
    expect(await countOf('responsabile', 'referrals_received')).toBe(received + 1);
    await ok('responsabile', 'POST', `/api/referrals/${r.id}/accept`);
    expect(await countOf('responsabile', 'referrals_received')).toBe(received);
  });

  it('gives the DPO the emergency accesses to review', async () => {
    expect(await countOf('dpo', 'break_glass_to_review')).toBeGreaterThan(0);
  });
});
