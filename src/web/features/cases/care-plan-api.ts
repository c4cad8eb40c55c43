import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TAssessmentInput,
  type TCarePlan,
  ZAssessmentListSchema,
  ZCareAssessmentSchema,
  ZCarePlanSchema,
} from '../../../contracts/care-plan.js';
import { api } from '../../api/client.js';

/** Assessments and the versioned plan of one case (care-plan.routes.ts). */
const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
export const carePlanKeys = {
  assessments: (id: string) => ['cases', 'assessments', id] as const,
  plan: (id: string) => ['cases', 'plan', id] as const,
};

export function useAssessments(caseId: string) {
  return useQuery({
    queryKey: carePlanKeys.assessments(caseId),
    queryFn: () => api(`${base(caseId)}/assessments`, { schema: ZAssessmentListSchema }),
  });
}

export function useCreateAssessment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssessmentInput) =>
      api(`${base(caseId)}/assessments`, { method: 'POST', body, schema: ZCareAssessmentSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: carePlanKeys.assessments(caseId) }),
  });
}

export function usePlan(caseId: string) {
  return useQuery({
    queryKey: carePlanKeys.plan(caseId),
    queryFn: () => api(`${base(caseId)}/plan`, { schema: ZCarePlanSchema }),
  });
}

/**
 * Every change to the plan answers with the plan: it replaces the cached one; the case (its plan
 * status) is read again.
 */
export function usePlanChange(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: 'POST' | 'PUT' | 'DELETE';
      path: string;
      body?: unknown;
    }) =>
      api(`${base(caseId)}/plan${path}`, {
        method,
        ...(method === 'DELETE' ? {} : { body: body ?? {} }),
        schema: ZCarePlanSchema,
      }),
    onSuccess: (plan: TCarePlan) => {
      queryClient.setQueryData(carePlanKeys.plan(caseId), plan);
      return queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
    },
  });
}
