import { describe, expect, it } from 'vitest';
import { ZLegalRoleCreateSchema, ZResidenceSchema } from '../../../contracts/tutela.js';
import { emptyLegalRole, legalRoleToInput, residenceToInput } from './family-forms.js';

const PERSON = '0b9f3c4e-7d1a-4f5e-9a8b-1c2d3e4f5a6b';
const HOLDER = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('the family network forms’ bodies', () => {
  it('send only the holder the user chose: a person, or a name with its organisation', () => {
    const filled = {
      ...emptyLegalRole(),
      personId: PERSON,
      role: 'tutore',
      holderPersonId: HOLDER,
      holderName: 'Avv. Rossi',
      holderOrganisation: 'Foro di Bergamo',
      startsOn: '2026-01-10',
    };
    const byPerson = legalRoleToInput({ ...filled, holderKind: 'person' });
    expect(byPerson).toMatchObject({ holderPersonId: HOLDER, holderName: null, holderOrganisation: null });
    expect(ZLegalRoleCreateSchema.safeParse(byPerson).success).toBe(true);
    const byName = legalRoleToInput({ ...filled, holderKind: 'name' });
    expect(byName).toMatchObject({
      holderPersonId: null,
      holderName: 'Avv. Rossi',
      holderOrganisation: 'Foro di Bergamo',
      orderId: null,
    });
    expect(ZLegalRoleCreateSchema.safeParse(byName).success).toBe(true);
    // No holder at all is refused by the contract, on the holder.
    const none = ZLegalRoleCreateSchema.safeParse(legalRoleToInput({ ...filled, holderPersonId: '' }));
    expect(none.error?.issues[0]?.path).toEqual(['holderName']);
  });

  it('keep a permit type and an expiry only for a status that rests on a permit', () => {
    const permit = { status: 'permit_holder', permitType: 'work', expiresOn: '2027-05-31' };
    expect(residenceToInput(permit)).toEqual(permit);
    // Switched to a status without a permit: what was typed for the permit is not sent.
    const citizen = residenceToInput({ ...permit, status: 'italian_citizen' });
    expect(citizen).toEqual({ status: 'italian_citizen', permitType: null, expiresOn: null });
    expect(ZResidenceSchema.safeParse(citizen).success).toBe(true);
    expect(residenceToInput({ status: 'permit_pending', permitType: '', expiresOn: '' })).toEqual({
      status: 'permit_pending',
      permitType: null,
      expiresOn: null,
    });
  });
});
