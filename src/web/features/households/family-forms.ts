import {
  PERMIT_STATUSES,
  type TResidenceRecord,
  ZLegalRoleCreateSchema,
  ZRelationCreateSchema,
  ZResidenceSchema,
} from '../../../contracts/tutela.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * What the family network's forms hold (strings, as selects and inputs do) and the request bodies
 * they build on submit; the contract's schemas check those bodies (`contractResolver`), so an
 * empty select reads "required" rather than "not an id".
 */

export interface RelationValues {
  fromPersonId: string;
  kind: string;
  toPersonId: string;
}
export const emptyRelation = (): RelationValues => ({ fromPersonId: '', kind: '', toPersonId: '' });
export const relationToInput = (v: RelationValues) => ({ ...v });
export const relationResolver = contractResolver<RelationValues>(ZRelationCreateSchema, relationToInput);

export interface LegalRoleValues {
  personId: string;
  role: string;
  /** A person of the network holds the role, or someone outside it named in words. */
  holderKind: 'person' | 'name';
  holderPersonId: string;
  holderName: string;
  holderOrganisation: string;
  orderId: string;
  startsOn: string;
}
export const emptyLegalRole = (): LegalRoleValues => ({
  personId: '',
  role: '',
  holderKind: 'person',
  holderPersonId: '',
  holderName: '',
  holderOrganisation: '',
  orderId: '',
  startsOn: todayLocal(),
});

/** Only the holder the user chose is sent: a name typed, then switched away from, is not. */
export function legalRoleToInput(v: LegalRoleValues) {
  const byName = v.holderKind === 'name';
  return {
    personId: v.personId,
    role: v.role,
    holderPersonId: byName ? null : orNull(v.holderPersonId),
    holderName: byName ? orNull(v.holderName) : null,
    holderOrganisation: byName ? orNull(v.holderOrganisation) : null,
    orderId: orNull(v.orderId),
    startsOn: v.startsOn,
  };
}
export const legalRoleResolver = contractResolver<LegalRoleValues>(ZLegalRoleCreateSchema, legalRoleToInput);

export interface ResidenceValues {
  status: string;
  permitType: string;
  expiresOn: string;
}

/** Whether a status rests on a permit: only then are the permit type and expiry asked (and sent). */
export const carriesPermit = (status: string) => (PERMIT_STATUSES as readonly string[]).includes(status);

export function residenceValuesOf(record: TResidenceRecord | null | undefined): ResidenceValues {
  return {
    status: record?.status ?? '',
    permitType: record?.permitType ?? '',
    expiresOn: record?.expiresOn ?? '',
  };
}

export function residenceToInput(v: ResidenceValues) {
  const permit = carriesPermit(v.status);
  return {
    status: v.status,
    permitType: permit ? orNull(v.permitType) : null,
    expiresOn: permit ? orNull(v.expiresOn) : null,
  };
}
export const residenceResolver = contractResolver<ResidenceValues>(ZResidenceSchema, residenceToInput);
