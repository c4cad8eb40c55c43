import { describe, expect, it } from 'vitest';
import {
  ZEngagementInputSchema,
  ZHolderInputSchema,
  ZHolderPersonInputSchema,
  ZHolderUpdateSchema,
  ZNeedInputSchema,
  ZResourceInputSchema,
} from '../../../contracts/community.js';
import {
  emptyNeed,
  emptyResource,
  engagementToInput,
  holderToInput,
  holderToValues,
  needToInput,
  parseDecimal,
  personToInput,
  personToValues,
  resourceToInput,
} from './community-forms.js';

const HOLDER_ID = '00000000-0000-4000-8000-000000000001';

describe('community forms', () => {
  it('sends a new holder with empty texts as none, and no active flag', () => {
    const body = holderToInput(
      {
        ...holderToValues(),
        name: '  Associazione Amici  ',
        kind: 'volunteer_association',
        municipality: '016219',
        address: '  ',
        languages: ['ar', 'it'],
        communities: ['MA'],
      },
      false,
    );
    expect(body).toMatchObject({ name: 'Associazione Amici', address: null, size: null, legalForm: null });
    expect(body).not.toHaveProperty('active');
    expect(ZHolderInputSchema.safeParse(body).success).toBe(true);
  });

  it('sends an edit with the active flag, as the update schema wants', () => {
    const values = {
      ...holderToValues(),
      name: 'Parrocchia',
      kind: 'parish',
      municipality: '016219',
      active: false,
    };
    const body = holderToInput(values, true);
    expect(body.active).toBe(false);
    expect(ZHolderUpdateSchema.safeParse(body).success).toBe(true);
  });

  it('drops topics and community of influence for someone who is not an opinion leader', () => {
    const values = {
      ...personToValues(),
      fullName: 'Fatima B.',
      influenceTopics: ['health'],
      influenceCommunity: 'MA',
    };
    expect(personToInput(values)).toMatchObject({
      opinionLeader: false,
      influenceTopics: [],
      influenceCommunity: null,
    });
    const leader = personToInput({ ...values, opinionLeader: true });
    expect(leader).toMatchObject({ influenceTopics: ['health'], influenceCommunity: 'MA' });
    expect(ZHolderPersonInputSchema.safeParse(leader).success).toBe(true);
  });

  it('reads euro and quantities typed the Italian or the English way', () => {
    expect(parseDecimal('1.250,50')).toBe(1250.5);
    expect(parseDecimal('1,250.50')).toBe(1250.5);
    expect(parseDecimal('1.250')).toBe(1250);
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal(' 150 ')).toBe(150);
    expect(parseDecimal('dieci')).toBeNaN();
    expect(parseDecimal('-3')).toBeNaN();
  });

  it('sends a holder resource in cents with the holder, and another source by name', () => {
    const fromHolder = resourceToInput({
      ...emptyResource(HOLDER_ID),
      kind: 'room',
      description: 'Sala dell’oratorio',
      quantity: '3',
      unit: 'hours',
      valueCents: '1.250,50',
      valuationRule: 'market_rent',
      sourceName: 'ignored',
    });
    expect(fromHolder).toMatchObject({
      holderId: HOLDER_ID,
      sourceName: null,
      valueCents: 125050,
      quantity: 3,
    });
    expect(ZResourceInputSchema.safeParse(fromHolder).success).toBe(true);

    const other = resourceToInput({
      ...emptyResource(HOLDER_ID),
      sourceKind: 'other',
      sourceName: ' Fondazione ',
      kind: 'money',
      description: 'Contributo',
      quantity: '1',
      unit: 'euro',
      valueCents: '500',
      valuationRule: 'cash',
    });
    expect(other).toMatchObject({ holderId: null, sourceName: 'Fondazione', valueCents: 50000 });
    expect(ZResourceInputSchema.safeParse(other).success).toBe(true);
  });

  it('lets the contract refuse an amount that is not a number, on its own field', () => {
    const body = resourceToInput({ ...emptyResource(HOLDER_ID), valueCents: 'tanto' });
    const issues = ZResourceInputSchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues).toContain('valueCents');
  });

  it('sends a need and an engagement the contract takes', () => {
    const need = needToInput({
      ...emptyNeed(),
      topic: 'documents',
      question: ' Come si rinnova il permesso? ',
    });
    expect(need).toMatchObject({ community: null, question: 'Come si rinnova il permesso?' });
    expect(ZNeedInputSchema.safeParse(need).success).toBe(true);
    const engagement = engagementToInput({
      kind: 'contact',
      happenedOn: '2026-03-02',
      summary: ' Telefonata ',
    });
    expect(ZEngagementInputSchema.safeParse(engagement).success).toBe(true);
  });
});
