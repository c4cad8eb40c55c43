import { describe, expect, it } from 'vitest';
import type { TConsent, TService } from '../../../contracts/index.js';
import { ZClosureRequestSchema } from '../../../contracts/index.js';
import { ZTransferCreateSchema } from '../../../contracts/tutela.js';
import { closureToInput, emptyClosure } from './closure-form.js';
import {
  consentChoices,
  emptyTransfer,
  peopleWithoutConsent,
  type TransferValues,
  transferTargets,
  transferToInput,
} from './transfer-form.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TREVIGLIO = id(901);
const ROMANO = id(902);

function service(n: number, over: Partial<TService> = {}): TService {
  return {
    id: id(n),
    organisationId: id(800),
    organisationName: 'Azienda',
    name: `Servizio ${n}`,
    kind: 'child_protection',
    districtId: TREVIGLIO,
    active: true,
    ...over,
  };
}

const issuesAt = (values: TransferValues) =>
  (ZTransferCreateSchema.safeParse(transferToInput(values)).error?.issues ?? []).map((i) => i.path.join('.'));

describe('a transfer request’s body', () => {
  const filled: TransferValues = {
    ...emptyTransfer(),
    toServiceId: id(2),
    consentId: id(50),
    orderId: id(60),
    reason: 'La famiglia si è trasferita a Romano di Lombardia',
  };

  it('names only the basis chosen: the consent for a consent, the order for a court order', () => {
    expect(ZTransferCreateSchema.parse(transferToInput({ ...filled, basis: 'consent' }))).toMatchObject({
      basis: 'consent',
      consentId: id(50),
      orderId: null,
    });
    expect(ZTransferCreateSchema.parse(transferToInput({ ...filled, basis: 'court_order' }))).toMatchObject({
      basis: 'court_order',
      consentId: null,
      orderId: id(60),
    });
  });

  it('is refused by the contract without its basis: a service, a basis, the consent or the order it names', () => {
    expect(issuesAt(emptyTransfer())).toEqual(expect.arrayContaining(['toServiceId', 'basis', 'reason']));
    expect(issuesAt({ ...filled, basis: 'consent', consentId: '' })).toEqual(['consentId']);
    expect(issuesAt({ ...filled, basis: 'court_order', orderId: '  ' })).toEqual(['orderId']);
    expect(issuesAt({ ...filled, basis: 'consent', reason: 'breve' })).toEqual(['reason']);
  });
});

describe('the services a case may go to', () => {
  const from = service(1);
  const romano = service(2, { districtId: ROMANO });
  const list = [
    from,
    romano,
    service(3), // same Ambito
    service(4, { districtId: ROMANO, kind: 'social_inclusion' }), // another kind
    service(5, { districtId: ROMANO, active: false }),
    service(6, { districtId: null }),
  ];

  it('are active services of the same kind in another Ambito', () => {
    expect(transferTargets(list, from.id).map((s) => s.id)).toEqual([romano.id]);
  });

  it('when the case’s service is not listed, are every active service of an Ambito (the server then says why one does not fit)', () => {
    expect(transferTargets(list, id(99)).map((s) => s.id)).toEqual([from.id, romano.id, id(3), id(4)]);
    expect(transferTargets(list, null).map((s) => s.id)).toEqual([from.id, romano.id, id(3), id(4)]);
  });
});

describe('the consents a transfer may rest on', () => {
  const child = id(10);
  const mother = id(11);
  const stranger = id(12);
  const consent = (n: number, over: Partial<TConsent>): TConsent => ({
    id: id(n),
    personId: child,
    givenBy: 'legal_representative',
    representativeName: 'Amal',
    purpose: 'taking_into_care',
    recipientServiceId: id(2),
    recipientServiceName: 'Tutela Minori — Romano',
    sections: [],
    givenOn: '2026-01-10',
    expiresOn: null,
    method: 'written',
    witnessName: null,
    courtOrderReference: null,
    revokedAt: null,
    state: 'active',
    ...over,
  });
  const consents = [
    consent(50, {}),
    consent(51, { personId: mother, state: 'revoked' }),
    consent(52, { personId: mother, recipientServiceId: id(3) }),
    consent(53, { personId: mother, purpose: 'consultation' }),
    consent(54, { personId: stranger }),
  ];

  it('are in force, to be taken into care by the receiving service, of a person of the case', () => {
    expect(consentChoices(consents, [child, mother], id(2)).map((c) => c.id)).toEqual([id(50)]);
  });

  it('name who of the case has none (a consent basis would be refused)', () => {
    expect(peopleWithoutConsent(consents, [child, mother], id(2))).toEqual([mother]);
    expect(peopleWithoutConsent(consents, [child], id(2))).toEqual([]);
    expect(peopleWithoutConsent(consents, [child], id(3))).toEqual([child]);
  });
});

describe('a closure request’s body', () => {
  const filled = {
    ...emptyClosure(),
    reason: 'Obiettivi del progetto raggiunti',
    transferredTo: 'Comune di Milano',
  };

  it('says where the case went only for a transfer, and sends an empty after-care date as none', () => {
    expect(
      ZClosureRequestSchema.parse(closureToInput({ ...filled, outcome: 'goals_reached' })),
    ).toMatchObject({
      outcome: 'goals_reached',
      transferredTo: null,
      afterCareOn: null,
    });
    expect(
      ZClosureRequestSchema.parse(
        closureToInput({ ...filled, outcome: 'transferred', afterCareOn: '2027-01-15' }),
      ),
    ).toMatchObject({ transferredTo: 'Comune di Milano', afterCareOn: '2027-01-15' });
  });

  it('is refused by the contract for a transfer that does not say where', () => {
    const issues = ZClosureRequestSchema.safeParse(
      closureToInput({ ...filled, outcome: 'transferred', transferredTo: ' ' }),
    ).error?.issues;
    expect(issues?.map((i) => i.path.join('.'))).toEqual(['transferredTo']);
  });
});
