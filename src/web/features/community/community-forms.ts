import type { z } from 'zod';
import type {
  THolderDetail,
  ZEngagementInputSchema,
  ZHolderPersonInputSchema,
  ZHolderPersonSchema,
  ZHolderUpdateSchema,
  ZNeedInputSchema,
  ZResourceInputSchema,
} from '../../../contracts/community.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * The registry's forms as they hold their values (strings and flags, as inputs do) and the bodies
 * they send. A value the contract refuses is sent as it is (an unknown code, a number that is not
 * one), so the contract's own check names the field.
 */

export interface HolderValues {
  name: string;
  kind: string;
  municipality: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  languages: string[];
  communities: string[];
  size: string;
  legalForm: string;
  keeperOrganisationId: string;
  notes: string;
  active: boolean;
}

export function holderToValues(holder?: THolderDetail): HolderValues {
  return {
    name: holder?.name ?? '',
    kind: holder?.kind ?? '',
    municipality: holder?.municipality ?? '',
    address: holder?.address ?? '',
    phone: holder?.phone ?? '',
    email: holder?.email ?? '',
    website: holder?.website ?? '',
    languages: holder?.languages ?? [],
    communities: holder?.communities ?? [],
    size: holder?.size ?? '',
    legalForm: holder?.legalForm ?? '',
    keeperOrganisationId: holder?.keeperOrganisationId ?? '',
    notes: holder?.notes ?? '',
    active: holder?.active ?? true,
  };
}

type HolderBody = z.input<typeof ZHolderUpdateSchema>;

/** The body of a holder; `active` only for an existing one (a new holder is active). */
export function holderToInput(v: HolderValues, withActive: boolean): HolderBody {
  const body: HolderBody = {
    name: v.name.trim(),
    kind: v.kind as HolderBody['kind'],
    municipality: v.municipality,
    address: orNull(v.address),
    phone: orNull(v.phone),
    email: orNull(v.email),
    website: orNull(v.website),
    languages: v.languages,
    communities: v.communities,
    size: (orNull(v.size) as HolderBody['size']) ?? null,
    legalForm: (orNull(v.legalForm) as HolderBody['legalForm']) ?? null,
    keeperOrganisationId: orNull(v.keeperOrganisationId),
    notes: orNull(v.notes),
  };
  if (withActive) body.active = v.active;
  return body;
}

export interface PersonValues {
  fullName: string;
  roleTitle: string;
  phone: string;
  email: string;
  opinionLeader: boolean;
  influenceTopics: string[];
  influenceCommunity: string;
}

export function personToValues(person?: z.output<typeof ZHolderPersonSchema>): PersonValues {
  return {
    fullName: person?.fullName ?? '',
    roleTitle: person?.roleTitle ?? '',
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    opinionLeader: person?.opinionLeader ?? false,
    influenceTopics: person?.influenceTopics ?? [],
    influenceCommunity: person?.influenceCommunity ?? '',
  };
}

type PersonBody = z.input<typeof ZHolderPersonInputSchema>;

/** Topics and community of influence are an opinion leader's: they are not sent for anyone else. */
export function personToInput(v: PersonValues): PersonBody {
  return {
    fullName: v.fullName.trim(),
    roleTitle: orNull(v.roleTitle),
    phone: orNull(v.phone),
    email: orNull(v.email),
    opinionLeader: v.opinionLeader,
    influenceTopics: v.opinionLeader ? (v.influenceTopics as PersonBody['influenceTopics']) : [],
    influenceCommunity: v.opinionLeader ? orNull(v.influenceCommunity) : null,
  };
}

export interface NeedValues {
  topic: string;
  community: string;
  source: string;
  recordedOn: string;
  question: string;
}

export const emptyNeed = (): NeedValues => ({
  topic: '',
  community: '',
  source: 'meeting',
  recordedOn: todayLocal(),
  question: '',
});

export function needToInput(v: NeedValues): z.input<typeof ZNeedInputSchema> {
  return {
    topic: v.topic as z.input<typeof ZNeedInputSchema>['topic'],
    community: orNull(v.community),
    source: v.source as z.input<typeof ZNeedInputSchema>['source'],
    recordedOn: v.recordedOn,
    question: v.question.trim(),
  };
}

export interface EngagementValues {
  kind: string;
  happenedOn: string;
  summary: string;
}

export function engagementToInput(v: EngagementValues): z.input<typeof ZEngagementInputSchema> {
  return {
    kind: v.kind as 'meeting' | 'contact',
    happenedOn: v.happenedOn,
    summary: v.summary.trim(),
  };
}

export interface ResourceValues {
  holderId: string;
  sourceKind: string;
  sourceName: string;
  kind: string;
  description: string;
  quantity: string;
  unit: string;
  /** In euro as typed ("1.250,50" or "1250.5"); sent in cents. */
  valueCents: string;
  valuationRule: string;
  offeredOn: string;
}

export const emptyResource = (holderId = ''): ResourceValues => ({
  holderId,
  sourceKind: 'community_holder',
  sourceName: '',
  kind: '',
  description: '',
  quantity: '',
  unit: '',
  valueCents: '',
  valuationRule: '',
  offeredOn: todayLocal(),
});

/**
 * A number as typed in Italian or English: "1.250,50", "1,250.50", "1250,5", "1250.5". The last
 * separator followed by one or two digits is the decimal one; the others group thousands. NaN for
 * anything else, so the contract refuses it on its field.
 */
export function parseDecimal(typed: string): number {
  const text = typed.trim().replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return Number.NaN;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,]/g, '');
  return Number(decimal ? `${whole}.${decimal[1]}` : whole);
}

type ResourceBody = z.input<typeof ZResourceInputSchema>;

/** A holder's resource names the holder; any other source is named in words. */
export function resourceToInput(v: ResourceValues): ResourceBody {
  const fromHolder = v.sourceKind === 'community_holder';
  const euro = parseDecimal(v.valueCents);
  return {
    holderId: fromHolder ? orNull(v.holderId) : null,
    sourceKind: v.sourceKind as ResourceBody['sourceKind'],
    sourceName: fromHolder ? null : orNull(v.sourceName),
    kind: v.kind as ResourceBody['kind'],
    description: v.description.trim(),
    quantity: parseDecimal(v.quantity),
    unit: v.unit as ResourceBody['unit'],
    valueCents: Number.isNaN(euro) ? euro : Math.round(euro * 100),
    valuationRule: v.valuationRule as ResourceBody['valuationRule'],
    offeredOn: v.offeredOn,
  };
}
