import type { TReferral } from '../../../contracts/index.js';

/** A referral as its form holds it; the same fields create a draft and change it. */
export interface ReferralFormValues {
  personIds: string[];
  toServiceId: string;
  purpose: string;
  courtInvestigation: boolean;
  urgency: string;
  sections: string[];
  message: string;
}

export function newReferralValues(personIds: string[]): ReferralFormValues {
  return {
    personIds,
    toServiceId: '',
    purpose: 'taking_into_care',
    courtInvestigation: false,
    urgency: 'routine',
    sections: [],
    message: '',
  };
}

export function referralToValues(referral: TReferral): ReferralFormValues {
  return {
    personIds: [...(referral.content?.personIds ?? [])],
    toServiceId: referral.toServiceId,
    purpose: referral.purpose,
    courtInvestigation: referral.courtInvestigation,
    urgency: referral.urgency,
    sections: [...(referral.content?.sections ?? [])],
    message: referral.content?.message ?? '',
  };
}

/** Codes arrive as the inputs' strings; the contract schema checks every one. */
export function referralToInput(values: ReferralFormValues) {
  return { ...values, message: values.message.trim() };
}
