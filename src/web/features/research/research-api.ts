import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZResearchSessionSchema } from '../../../contracts/case-services.js';
import {
  type TLocale,
  ZResearchDatasetSchema,
  ZResearchExportSchema,
  ZStudySchema,
} from '../../../contracts/index.js';
import { api, withQuery } from '../../api/client.js';

export function useStudies() {
  return useQuery({
    queryKey: ['research', 'studies'],
    queryFn: () => api('/api/research/studies', { schema: z.array(ZStudySchema) }),
  });
}

/** The CSV is written in the app's language (headers and words); Italian is the default. */
export function exportPath(studyId: string, format: 'json' | 'csv', locale: TLocale): string {
  return withQuery(`/api/research/studies/${encodeURIComponent(studyId)}/export`, {
    format,
    lang: locale === 'it' ? undefined : locale,
  });
}

/**
 * Every read of a dataset is an export the DPO sees, so the preview is fetched only when asked
 * for and kept for the session instead of being fetched again.
 */
export function useDatasetPreview(studyId: string | null) {
  return useQuery({
    queryKey: ['research', 'dataset', studyId],
    queryFn: () =>
      api(`/api/research/studies/${encodeURIComponent(studyId ?? '')}/export`, {
        query: { format: 'json' },
        schema: ZResearchDatasetSchema,
      }),
    enabled: studyId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
  });
}

export function useResearchExports() {
  return useQuery({
    queryKey: ['research', 'exports'],
    queryFn: () => api('/api/research/exports', { schema: z.array(ZResearchExportSchema) }),
  });
}

/** The sessions the researcher took part in, with their own (pseudonymised) notes. */
export function useResearchSessions() {
  return useQuery({
    queryKey: ['research', 'sessions'],
    queryFn: () => api('/api/research/sessions', { schema: z.array(ZResearchSessionSchema) }),
  });
}

export function useAddResearchNote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string }) =>
      api(`/api/research/sessions/${encodeURIComponent(sessionId)}/notes`, {
        method: 'POST',
        body: input,
        schema: ZResearchSessionSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['research', 'sessions'] }),
  });
}
