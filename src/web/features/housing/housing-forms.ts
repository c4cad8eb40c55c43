import {
  type TUnit,
  ZAddressChangeSchema,
  ZOccupancyEndSchema,
  ZOccupancyInputSchema,
  ZUnitInputSchema,
  ZUnitUpdateSchema,
} from '../../../contracts/housing.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * What the housing forms hold (strings and lists, as inputs do) and the request bodies they build
 * on submit; the contract's schemas check those bodies (`contractResolver`).
 */

const count = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

export interface UnitValues {
  label: string;
  managingOrganisationId: string;
  capacity: string;
  accessibility: string[];
  districtId: string;
  address: string;
  notes: string;
  active: boolean;
}
/** A new unit's empty form, or a unit's values to change (its partner, district and address are not changed here). */
export const unitToValues = (unit?: TUnit): UnitValues => ({
  label: unit?.label ?? '',
  managingOrganisationId: '',
  capacity: unit ? String(unit.capacity) : '',
  accessibility: unit ? [...unit.accessibility] : [],
  districtId: '',
  address: '',
  notes: unit?.notes ?? '',
  active: unit?.active ?? true,
});
export const unitToInput = (v: UnitValues) => ({
  label: v.label,
  managingOrganisationId: v.managingOrganisationId,
  capacity: count(v.capacity),
  accessibility: v.accessibility,
  districtId: v.districtId,
  address: v.address,
  notes: orNull(v.notes),
});
export const unitToUpdate = (v: UnitValues) => ({
  label: v.label,
  capacity: count(v.capacity),
  accessibility: v.accessibility,
  notes: orNull(v.notes),
  active: v.active,
});
export const unitResolver = contractResolver<UnitValues>(ZUnitInputSchema, unitToInput);
export const unitUpdateResolver = contractResolver<UnitValues>(ZUnitUpdateSchema, unitToUpdate);

export interface StayValues {
  householdCode: string;
  people: string;
  startsOn: string;
  endsOn: string;
}
export const emptyStay = (): StayValues => ({
  householdCode: '',
  people: '',
  startsOn: todayLocal(),
  endsOn: '',
});
export const stayToInput = (v: StayValues) => ({
  householdCode: v.householdCode,
  people: count(v.people),
  startsOn: v.startsOn,
  endsOn: orNull(v.endsOn),
});
export const stayResolver = contractResolver<StayValues>(ZOccupancyInputSchema, stayToInput);

export interface StayEndValues {
  endsOn: string;
  exitReason: string;
}
export const emptyStayEnd = (): StayEndValues => ({ endsOn: todayLocal(), exitReason: '' });
export const stayEndToInput = (v: StayEndValues) => ({ endsOn: v.endsOn, exitReason: v.exitReason });
export const stayEndResolver = contractResolver<StayEndValues>(ZOccupancyEndSchema, stayEndToInput);

export interface AddressChangeValues {
  address: string;
  reason: string;
}
export const addressChangeToInput = (v: AddressChangeValues) => ({ address: v.address, reason: v.reason });
export const addressChangeResolver = contractResolver<AddressChangeValues>(
  ZAddressChangeSchema,
  addressChangeToInput,
);
