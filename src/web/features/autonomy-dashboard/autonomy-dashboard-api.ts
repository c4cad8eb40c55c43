import { useQuery } from '@tanstack/react-query';
import { ZAutonomyDashboardSchema } from '../../../contracts/housing.js';
import { api } from '../../api/client.js';

/** The WP5 dashboard API (issue 20, item 6). */
export const autonomyDashboardKeys = {
  dashboard: (from?: string, to?: string) => ['autonomy-dashboard', from ?? '', to ?? ''] as const,
};

export function useAutonomyDashboard(from?: string, to?: string) {
  return useQuery({
    queryKey: autonomyDashboardKeys.dashboard(from, to),
    queryFn: () => api('/api/autonomy/dashboard', { query: { from, to }, schema: ZAutonomyDashboardSchema }),
  });
}
