import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZResearchDatasetSchema, ZResearchExportSchema, ZStudySchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export function useStudies() {
  return useQuery({
    queryKey: ['research', 'studies'],
    queryFn: () => api('/api/research/studies', { schema: z.array(ZStudySchema) }),
  });
}

export function exportPath(studyId: string, format: 'json' | 'csv'): string {
  return `/api/research/studies/${encodeURIComponent(studyId)}/export?format=${format}`;
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
