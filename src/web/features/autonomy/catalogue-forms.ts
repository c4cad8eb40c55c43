import type { z } from 'zod';
import type {
  TInitiative,
  TOffer,
  TOfferInput,
  ZEmployerInputSchema,
  ZInitiativeInputSchema,
  ZInitiativeUpdateSchema,
} from '../../../contracts/autonomy.js';
import { orNull } from '../../ui/forms/values.js';
import { centsOf } from './catalogue-words.js';

/**
 * The catalogue's forms as they hold their values (strings and flags, as inputs do) and the bodies
 * they send. A value the contract refuses is sent as it is (a number that is not one), so the
 * contract's own check names the field. Each field is named after the contract's key it fills.
 */

export interface OfferValues {
  title: string;
  kind: string;
  topic: string;
  description: string;
  providerIs: 'organisation' | 'holder';
  providerOrganisationId: string;
  providerHolderId: string;
  languages: string[];
  schedule: string;
  municipality: string;
  places: string;
  prerequisites: string;
  /** In euros, as typed. */
  costCents: string;
  startsOn: string;
  endsOn: string;
  active: boolean;
}

export function offerToValues(offer?: TOffer): OfferValues {
  return {
    title: offer?.title ?? '',
    kind: offer?.kind ?? '',
    topic: offer?.topic ?? '',
    description: offer?.description ?? '',
    providerIs: offer?.provider.isHolder ? 'holder' : 'organisation',
    providerOrganisationId: offer && !offer.provider.isHolder ? offer.provider.id : '',
    providerHolderId: offer?.provider.isHolder ? offer.provider.id : '',
    languages: offer?.languages ?? ['it'],
    schedule: offer?.schedule ?? '',
    municipality: offer?.municipality ?? '',
    places: offer ? String(offer.places) : '',
    prerequisites: offer?.prerequisites ?? '',
    costCents: offer && offer.costCents > 0 ? (offer.costCents / 100).toFixed(2) : '',
    startsOn: offer?.startsOn ?? '',
    endsOn: offer?.endsOn ?? '',
    active: offer?.active ?? true,
  };
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function offerToInput(v: OfferValues): TOfferInput {
  return {
    title: v.title.trim(),
    kind: v.kind as TOfferInput['kind'],
    topic: v.topic as TOfferInput['topic'],
    description: orNull(v.description),
    providerOrganisationId: v.providerIs === 'organisation' ? orNull(v.providerOrganisationId) : null,
    providerHolderId: v.providerIs === 'holder' ? orNull(v.providerHolderId) : null,
    languages: v.languages,
    schedule: orNull(v.schedule),
    municipality: orNull(v.municipality),
    places: numberOf(v.places),
    prerequisites: orNull(v.prerequisites),
    costCents: centsOf(v.costCents),
    startsOn: orNull(v.startsOn),
    endsOn: orNull(v.endsOn),
    active: v.active,
  };
}

export interface InitiativeValues {
  name: string;
  partnerOrganisationId: string;
  holderId: string;
  stage: string;
  jobsCreated: string;
  description: string;
}

export function initiativeToValues(initiative?: TInitiative): InitiativeValues {
  return {
    name: initiative?.name ?? '',
    partnerOrganisationId: initiative?.partner.id ?? '',
    holderId: initiative?.holder?.id ?? '',
    stage: initiative?.stage ?? 'idea',
    jobsCreated: String(initiative?.jobsCreated ?? 0),
    description: initiative?.description ?? '',
  };
}

type InitiativeBody = z.input<typeof ZInitiativeInputSchema>;

export const initiativeToInput = (v: InitiativeValues): InitiativeBody => ({
  name: v.name.trim(),
  partnerOrganisationId: v.partnerOrganisationId,
  holderId: orNull(v.holderId),
  stage: v.stage as InitiativeBody['stage'],
  jobsCreated: numberOf(v.jobsCreated),
  description: orNull(v.description),
});

/** A change: the stage (a new one is recorded with its date), jobs created, the enterprise, the description. */
export const initiativeToUpdate = (v: InitiativeValues): z.input<typeof ZInitiativeUpdateSchema> => ({
  stage: v.stage as InitiativeBody['stage'],
  jobsCreated: numberOf(v.jobsCreated),
  holderId: orNull(v.holderId),
  description: orNull(v.description),
});

export interface EmployerValues {
  name: string;
  kind: string;
  municipality: string;
  phone: string;
  email: string;
}

export const emptyEmployer = (): EmployerValues => ({
  name: '',
  kind: 'employer',
  municipality: '',
  phone: '',
  email: '',
});

type EmployerBody = z.input<typeof ZEmployerInputSchema>;

export const employerToInput = (v: EmployerValues): EmployerBody => ({
  name: v.name.trim(),
  kind: v.kind as EmployerBody['kind'],
  municipality: v.municipality,
  phone: orNull(v.phone),
  email: orNull(v.email),
});
