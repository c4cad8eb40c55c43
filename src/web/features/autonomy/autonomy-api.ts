import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TPlan,
  type TPlanCreate,
  type TPlanStatus,
  type ZGoalInputSchema,
  type ZGoalUpdateSchema,
  type ZMeetingInputSchema,
  ZPlanCandidatesSchema,
  type ZPlanExitSchema,
  ZPlanPageSchema,
  ZPlanSchema,
  type ZPlanUpdateSchema,
  type ZStepInputSchema,
  type ZStepUpdateSchema,
  ZTutorOptionsSchema,
} from '../../../contracts/autonomy.js';
import { api } from '../../api/client.js';

/**
 * Autonomy plans (issue 20, item 2): the list, a plan, the people a plan may be opened for and who
 * may tutor it, and the changes to a plan. Every change answers the whole plan; the queries whose
 * key starts with `autonomy` are fetched again (the plan, the list, what the plan's sections show).
 */
const enc = encodeURIComponent;

export const PLANS_PAGE_SIZE = 25;

export interface PlanFilters {
  status?: TPlanStatus | undefined;
  mine?: boolean | undefined;
  reviewDue?: boolean | undefined;
}

export const planKeys = {
  list: (filters: PlanFilters, cursor: string | null) => ['autonomy', 'plans', filters, cursor] as const,
  plan: (id: string) => ['autonomy', 'plan', id] as const,
  candidates: (q: string) => ['autonomy', 'candidates', q] as const,
  tutors: ['autonomy', 'tutors'] as const,
};

export function usePlans(filters: PlanFilters, cursor: string | null) {
  return useQuery({
    queryKey: planKeys.list(filters, cursor),
    queryFn: () =>
      api('/api/autonomy/plans', {
        query: {
          status: filters.status,
          mine: filters.mine ? 'true' : undefined,
          reviewDue: filters.reviewDue ? 'true' : undefined,
          pageSize: PLANS_PAGE_SIZE,
          cursor: cursor ?? undefined,
        },
        schema: ZPlanPageSchema,
      }),
    placeholderData: (previous) => previous,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.plan(id),
    queryFn: () => api(`/api/autonomy/plans/${enc(id)}`, { schema: ZPlanSchema }),
  });
}

/** Adults of the team's households matching a name: asked once a search is given. */
export function useCandidates(q: string) {
  return useQuery({
    queryKey: planKeys.candidates(q),
    queryFn: () => api('/api/autonomy/plan-candidates', { query: { q }, schema: ZPlanCandidatesSchema }),
    enabled: q.length > 0,
  });
}

export function useTutors() {
  return useQuery({
    queryKey: planKeys.tutors,
    queryFn: () => api('/api/autonomy/tutors', { schema: ZTutorOptionsSchema }),
    staleTime: 5 * 60_000,
  });
}

export function useOpenPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPlanCreate) =>
      api('/api/autonomy/plans', { method: 'POST', body, schema: ZPlanSchema }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: ['autonomy', 'plans'] });
    },
  });
}

/**
 * A change to a plan: the answer is the plan as it now stands, shown at once; every other query whose
 * key starts with `autonomy` (the plans', the catalogue's) is fetched again.
 */
export function usePlanChange<V>(call: (variables: V) => Promise<TPlan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(plan.id), plan);
      return queryClient.invalidateQueries({
        predicate: (query) =>
          String(query.queryKey[0] ?? '').startsWith('autonomy') &&
          !(query.queryKey[1] === 'plan' && query.queryKey[2] === plan.id),
      });
    },
  });
}

export function usePlanUpdate(planId: string) {
  return usePlanChange((body: z.input<typeof ZPlanUpdateSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}`, { method: 'PATCH', body, schema: ZPlanSchema }),
  );
}

export function usePlanExit(planId: string) {
  return usePlanChange((body: z.input<typeof ZPlanExitSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}/exit`, { method: 'POST', body, schema: ZPlanSchema }),
  );
}

export function useGoalAdd(planId: string) {
  return usePlanChange((body: z.input<typeof ZGoalInputSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}/goals`, { method: 'POST', body, schema: ZPlanSchema }),
  );
}

export function useGoalUpdate() {
  return usePlanChange(({ goalId, body }: { goalId: string; body: z.input<typeof ZGoalUpdateSchema> }) =>
    api(`/api/autonomy/goals/${enc(goalId)}`, { method: 'PATCH', body, schema: ZPlanSchema }),
  );
}

export function useStepAdd() {
  return usePlanChange(({ goalId, body }: { goalId: string; body: z.input<typeof ZStepInputSchema> }) =>
    api(`/api/autonomy/goals/${enc(goalId)}/steps`, { method: 'POST', body, schema: ZPlanSchema }),
  );
}

export function useStepUpdate() {
  return usePlanChange(({ stepId, body }: { stepId: string; body: z.input<typeof ZStepUpdateSchema> }) =>
    api(`/api/autonomy/steps/${enc(stepId)}`, { method: 'PATCH', body, schema: ZPlanSchema }),
  );
}

export function useStepRemove() {
  return usePlanChange((stepId: string) =>
    api(`/api/autonomy/steps/${enc(stepId)}`, { method: 'DELETE', schema: ZPlanSchema }),
  );
}

export function useMeetingAdd(planId: string) {
  return usePlanChange((body: z.input<typeof ZMeetingInputSchema>) =>
    api(`/api/autonomy/plans/${enc(planId)}/meetings`, { method: 'POST', body, schema: ZPlanSchema }),
  );
}
