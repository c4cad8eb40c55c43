import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  pageOf,
  type TIncidentInput,
  type TIncidentType,
  ZCountrySchema,
  ZImportResultSchema,
  ZIncidentSchema,
  ZIncidentSummarySchema,
  ZLanguageSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export const PAGE_SIZE = 25;

export interface IncidentFilters {
  status?: 'draft' | 'recorded' | undefined;
  coreType?: TIncidentType | undefined;
  page: number;
}

export const incidentKeys = {
  list: (filters: IncidentFilters) => ['incidents', 'list', filters] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
};

export function useIncidents(filters: IncidentFilters) {
  return useQuery({
    queryKey: incidentKeys.list(filters),
    queryFn: () =>
      api('/api/incidents', {
        query: { ...filters, pageSize: PAGE_SIZE },
        schema: pageOf(ZIncidentSummarySchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: () => api(`/api/incidents/${encodeURIComponent(id)}`, { schema: ZIncidentSchema }),
  });
}

/**
 * POST for a new incident, PUT (the full record) for an existing one. The answer is the record
 * itself, so it replaces the cached one instead of a second (audited) read; lists are refetched.
 */
export function useIncidentSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: TIncidentInput }) =>
      api(id ? `/api/incidents/${encodeURIComponent(id)}` : '/api/incidents', {
        method: id ? 'PUT' : 'POST',
        body,
        schema: ZIncidentSchema,
      }),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    },
  });
}

/** Only the lists are refetched: the deleted draft's own page is left, not reloaded into a 404. */
export function useIncidentDelete() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/incidents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] }),
  });
}

export const IMPORT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The register template (XLSX) in the user's language: a plain link, the session cookie goes with it. */
export function registerTemplateUrl(locale: 'it' | 'en') {
  return `/api/incidents/import/template?lang=${locale}`;
}

/** The register goes as the raw body; its content type (from the file's extension) names the format. */
export function useRegisterImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, format }: { file: File; format: keyof typeof IMPORT_TYPES }) =>
      api('/api/incidents/import', {
        method: 'POST',
        rawBody: { data: file, contentType: IMPORT_TYPES[format] },
        schema: ZImportResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] }),
  });
}

/** Reference lists change only with a release: fetched once per session. */
export function useCountries() {
  return useQuery({
    queryKey: ['reference', 'countries'],
    queryFn: () => api('/api/reference/countries', { schema: z.array(ZCountrySchema) }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLanguages() {
  return useQuery({
    queryKey: ['reference', 'languages'],
    queryFn: () => api('/api/reference/languages', { schema: z.array(ZLanguageSchema) }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
