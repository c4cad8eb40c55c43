import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TImpactPeriod,
  type TImpactPeriods,
  ZImpactPeriodSchema,
  ZImpactPeriodsSchema,
  ZReportSummarySchema,
} from '../../../contracts/impact-periods.js';
import { api } from '../../api/client.js';
import { impactKeys } from './impact-api.js';

/** Reporting periods, their locks and signed reports (issue 25, items 3 and 4). */
export const periodKeys = {
  list: () => ['impact', 'periods'] as const,
};

const enc = encodeURIComponent;

export function useImpactPeriods() {
  return useQuery({
    queryKey: periodKeys.list(),
    queryFn: () => api('/api/impact/periods', { schema: ZImpactPeriodsSchema }),
  });
}

/**
 * The changes to one period. Each answers the period as it now stands, which replaces the cached
 * one at once; the list and the dashboard (whose values a lock freezes) are then read again.
 */
export function usePeriodMutations(key: string) {
  const client = useQueryClient();
  const path = (action: string) => `/api/impact/periods/${enc(key)}/${action}`;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: periodKeys.list() }),
      client.invalidateQueries({ queryKey: impactKeys.dashboard() }),
    ]);
  const replace = (period: TImpactPeriod) => {
    client.setQueryData<TImpactPeriods>(periodKeys.list(), (old) =>
      old ? { ...old, periods: old.periods.map((p) => (p.key === period.key ? period : p)) } : old,
    );
    return refresh();
  };
  // The actions without a reason send no body: the server expects none.
  const plain = (action: string) => () => api(path(action), { method: 'POST', schema: ZImpactPeriodSchema });
  const withReason = (action: string) => (reason: string) =>
    api(path(action), { method: 'POST', body: { reason }, schema: ZImpactPeriodSchema });
  return {
    submit: useMutation({ mutationFn: plain('submit'), onSuccess: replace }),
    approve: useMutation({ mutationFn: plain('approve'), onSuccess: replace }),
    returnIt: useMutation({ mutationFn: withReason('return'), onSuccess: replace }),
    unlock: useMutation({ mutationFn: withReason('unlock'), onSuccess: replace }),
    report: useMutation({
      mutationFn: () => api(path('reports'), { method: 'POST', schema: ZReportSummarySchema }),
      onSuccess: refresh,
    }),
  };
}

export type PeriodMutations = ReturnType<typeof usePeriodMutations>;
