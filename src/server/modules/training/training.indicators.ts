import type { TStrand } from '../../../contracts/training.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import type { Indicator } from '../../platform/indicators/indicator.js';
import { completions, hoursDelivered } from './training-dashboard.service.js';

/**
 * The numbers training gives the impact module (issue 17 §7), counted exactly as the dashboard
 * counts them (training-dashboard.service.ts): distinct professionals holding a live certificate
 * of a strand, issued in the period, and the hours of sessions held. The records behind a number
 * are pseudonymous codes of scope `training` (a person: `T-…`, an edition: `E-…`), never names,
 * e-mail addresses or database ids.
 */
async function coder(on: Queryable, keyring: Keyring, prefix: string) {
  // The pseudonymiser runs two statements on whatever connection it is given: a transaction or the pool.
  return systemPseudonymiser({ tx: on as Tx, keyring, scope: 'training', prefix });
}

const professionalsOf = (strand: TStrand, key: string, label: Indicator['label']): Indicator => ({
  key,
  label,
  unit: 'people',
  async compute({ on, period, keyring }) {
    const rows = await completions({ on, period, strand });
    const people = [...new Set(rows.map((r) => r.person))];
    const code = await coder(on, keyring, 'T');
    return { value: people.length, recordIds: people.map(code).sort() };
  },
});

const ethnoclinicalProfessionals = professionalsOf('ethnoclinical', 'training.ethnoclinical_professionals', {
  it: 'Professionisti formati in etnoclinica (distinti)',
  en: 'Professionals trained in ethnoclinical practice (distinct)',
});

const experientialProfessionals = professionalsOf('experiential', 'training.experiential_professionals', {
  it: 'Operatori formati con la formazione esperienziale (distinti)',
  en: 'Workers trained through experiential training (distinct)',
});

/** Hours of training delivered: the scheduled length of every session held in the period. */
const trainingHoursDelivered: Indicator = {
  key: 'training.hours_delivered',
  label: { it: 'Ore di formazione erogate', en: 'Training hours delivered' },
  unit: 'hours',
  async compute({ on, period, keyring }) {
    const delivered = await hoursDelivered({ on, period });
    const code = await coder(on, keyring, 'E');
    return {
      value: delivered.hours,
      recordIds: delivered.editionIds.map((id) => code(`edition:${id}`)).sort(),
    };
  },
};

export const TRAINING_INDICATORS: readonly Indicator[] = [
  ethnoclinicalProfessionals,
  experientialProfessionals,
  trainingHoursDelivered,
];
