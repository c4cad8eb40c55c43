import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZExportKindSchema, ZExportSchema } from '../../../contracts/exports.js';
import { api } from '../../api/client.js';
import { pollInterval } from './export-state.js';

export const exportKeys = {
  kinds: ['exports', 'kinds'] as const,
  list: ['exports', 'list'] as const,
};

const ZDownloadLinkSchema = z.object({ url: z.string(), expiresAt: z.iso.datetime() });

/** The kinds of export the viewer may ask for (they change only with the role: kept a while). */
export function useExportKinds() {
  return useQuery({
    queryKey: exportKeys.kinds,
    queryFn: () => api('/api/exports/kinds', { schema: z.array(ZExportKindSchema) }),
    staleTime: 5 * 60_000,
  });
}

/** One's own exports and those awaiting one's approval; asked again every second while one is being made. */
export function useExports() {
  return useQuery({
    queryKey: exportKeys.list,
    queryFn: () => api('/api/exports', { schema: z.array(ZExportSchema) }),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}

export function useExportMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: exportKeys.list });
  return {
    request: useMutation({
      mutationFn: (body: { kind: string; format: 'csv' | 'xlsx'; params: Record<string, unknown> }) =>
        api('/api/exports', { method: 'POST', body, schema: ZExportSchema }),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'refuse'; note?: string }) =>
        api(`/api/exports/${encodeURIComponent(id)}/decision`, {
          method: 'POST',
          body: note ? { decision, note } : { decision },
          schema: ZExportSchema,
        }),
      onSuccess: refresh,
    }),
    /** A single-use link valid for a minute: the browser is sent to it at once. */
    download: useMutation({
      mutationFn: (id: string) =>
        api(`/api/exports/${encodeURIComponent(id)}/download`, {
          method: 'POST',
          schema: ZDownloadLinkSchema,
        }),
      onSettled: refresh,
    }),
  };
}
