import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TCommActionInput,
  type TPlanWindow,
  ZCommActionSchema,
  ZPlanSummarySchema,
} from '../../../contracts/website-plan.js';
import { api } from '../../api/client.js';

/** The communication plan (issue 24, item 6): the actions of a window of days, their summary, the changes. */
const enc = encodeURIComponent;

export const planKeys = {
  all: ['website', 'plan'] as const,
  list: (window: TPlanWindow) => ['website', 'plan', 'list', window.from, window.to] as const,
  summary: (window: TPlanWindow) => ['website', 'plan', 'summary', window.from, window.to] as const,
};

/** The actions planned in the window, by planned day. */
export function usePlan(window: TPlanWindow) {
  return useQuery({
    queryKey: planKeys.list(window),
    queryFn: () => api('/api/website/plan', { query: { ...window }, schema: z.array(ZCommActionSchema) }),
  });
}

export function usePlanSummary(window: TPlanWindow) {
  return useQuery({
    queryKey: planKeys.summary(window),
    queryFn: () => api('/api/website/plan/summary', { query: { ...window }, schema: ZPlanSummarySchema }),
  });
}

/** After any change the plans and summaries of every month refetch (an action may move between months). */
function usePlanChange<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** POST for a new action, PUT for a change; both answer the saved action. */
export function usePlanActionSave(id: string | null) {
  return usePlanChange((body: TCommActionInput) =>
    api(id ? `/api/website/plan/${enc(id)}` : '/api/website/plan', {
      method: id ? 'PUT' : 'POST',
      body,
      schema: ZCommActionSchema,
    }),
  );
}

export function usePlanActionDelete(id: string) {
  return usePlanChange(() => api(`/api/website/plan/${enc(id)}`, { method: 'DELETE' }));
}
