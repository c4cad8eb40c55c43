import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZLegacySchema,
  ZPartnerSchema,
  ZPartnersSchema,
  ZPlanSchema,
} from '../../../contracts/governance-plan.js';
import { api } from '../../api/client.js';

/** The project plan, what lasts and the partner directory (issue 21, items 3, 4, 7). */
const enc = encodeURIComponent;

export const planKeys = {
  all: ['project-plan'] as const,
  plan: ['project-plan', 'plan'] as const,
  legacy: ['project-plan', 'legacy'] as const,
  partners: ['project-plan', 'partners'] as const,
  partner: (id: string) => ['project-plan', 'partner', id] as const,
};

export const usePlan = () =>
  useQuery({ queryKey: planKeys.plan, queryFn: () => api('/api/governance/plan', { schema: ZPlanSchema }) });
export const useLegacy = () =>
  useQuery({
    queryKey: planKeys.legacy,
    queryFn: () => api('/api/governance/legacy', { schema: ZLegacySchema }),
  });
export const usePartners = () =>
  useQuery({
    queryKey: planKeys.partners,
    queryFn: () => api('/api/governance/partners', { schema: ZPartnersSchema }),
  });
export const usePartner = (id: string) =>
  useQuery({
    queryKey: planKeys.partner(id),
    queryFn: () => api(`/api/governance/partners/${enc(id)}`, { schema: ZPartnerSchema }),
  });

/** A coordinator's change (POST/PATCH/PUT); every view of the feature is read again after it. */
export function usePlanChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PATCH' | 'PUT'; path: string; body: unknown }) =>
      api(path, { method, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export const progressReportUrl = (month: string) => `/api/governance/reports/progress?month=${enc(month)}`;
export const SUSTAINABILITY_REPORT_URL = '/api/governance/reports/sustainability';
