import type { z } from 'zod';
import {
  type ZEnrolmentUpdateSchema,
  type ZFollowUpInputSchema,
  type ZJobPlacementInputSchema,
  type ZJobPlacementUpdateSchema,
  ZPlanSchema,
  type ZSkillsInputSchema,
} from '../../../contracts/autonomy.js';
import { api } from '../../api/client.js';
import { usePlanChange } from './autonomy-api.js';

/**
 * A plan's enrolments in offers, its skills balance and its job placements (issue 20, items 1 and
 * 3). Every call answers the whole plan; what it changes shows elsewhere too (an offer's free
 * places, an enterprise's jobs filled): the plan is shown at once, and every other query whose key
 * starts with `autonomy` (the plans', the catalogue's) is fetched again.
 */
const enc = encodeURIComponent;

export function useEnrol(planId: string) {
  return usePlanChange((offerId: string) =>
    api(`/api/autonomy/plans/${enc(planId)}/enrolments`, {
      method: 'POST',
      body: { offerId },
      schema: ZPlanSchema,
    }),
  );
}

export function useEnrolmentOutcome() {
  return usePlanChange(
    ({ enrolmentId, body }: { enrolmentId: string; body: z.input<typeof ZEnrolmentUpdateSchema> }) =>
      api(`/api/autonomy/enrolments/${enc(enrolmentId)}`, { method: 'PATCH', body, schema: ZPlanSchema }),
  );
}

export function useSkillsSave(planId: string) {
  return usePlanChange((body: z.input<typeof ZSkillsInputSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}/skills`, { method: 'PUT', body, schema: ZPlanSchema }),
  );
}

export function usePlacementAdd(planId: string) {
  return usePlanChange((body: z.input<typeof ZJobPlacementInputSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}/placements`, { method: 'POST', body, schema: ZPlanSchema }),
  );
}

export function usePlacementUpdate() {
  return usePlanChange(
    ({ placementId, body }: { placementId: string; body: z.input<typeof ZJobPlacementUpdateSchema> }) =>
      api(`/api/autonomy/placements/${enc(placementId)}`, { method: 'PATCH', body, schema: ZPlanSchema }),
  );
}

export function useFollowUp() {
  return usePlanChange(
    ({
      placementId,
      months,
      body,
    }: {
      placementId: string;
      months: 6 | 12;
      body: z.input<typeof ZFollowUpInputSchema>;
    }) =>
      api(`/api/autonomy/placements/${enc(placementId)}/follow-ups/${months}`, {
        method: 'PUT',
        body,
        schema: ZPlanSchema,
      }),
  );
}
