import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type TJobState, ZJobSchema } from '../../../contracts/jobs.js';
import { api } from '../../api/client.js';

export const jobKeys = {
  all: ['jobs'] as const,
  list: (state: TJobState | undefined) => ['jobs', 'list', state ?? 'all'] as const,
};

/** The background jobs, newest first (the server sends the last 200), optionally of one state. */
export function useJobs(state: TJobState | undefined) {
  return useQuery({
    queryKey: jobKeys.list(state),
    queryFn: () => api('/api/jobs', { query: { state }, schema: z.array(ZJobSchema) }),
    placeholderData: (previous) => previous,
  });
}

/** Runs a failed job again; every list is asked again afterwards. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
