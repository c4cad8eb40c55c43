import { useQuery } from '@tanstack/react-query';
import { ZImpactDashboardSchema } from '../../../contracts/impact.js';
import { api } from '../../api/client.js';

/** The impact dashboard API (issue 25, part one): the project's indicators, computed live. */
export const impactKeys = {
  dashboard: () => ['impact', 'dashboard'] as const,
};

export function useImpactDashboard() {
  return useQuery({
    queryKey: impactKeys.dashboard(),
    queryFn: () => api('/api/impact/dashboard', { schema: ZImpactDashboardSchema }),
  });
}
