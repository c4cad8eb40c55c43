import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZDistrictSchema,
  ZMunicipalitySchema,
  ZOrganisationSchema,
  ZServiceSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

/** The structure changes only by an admin's edit, which refetches it (useStructureSave). */
const STRUCTURE_STALE_MS = 5 * 60_000;

export const structureKeys = {
  districts: ['districts'] as const,
  municipalities: (districtId?: string) => ['municipalities', districtId ?? 'all'] as const,
  organisations: ['organisations'] as const,
  services: (organisationId?: string) => ['services', organisationId ?? 'all'] as const,
};

export function useDistricts() {
  return useQuery({
    queryKey: structureKeys.districts,
    queryFn: () => api('/api/districts', { schema: z.array(ZDistrictSchema) }),
    staleTime: STRUCTURE_STALE_MS,
  });
}

/** A district's name by id, for the lists that show where an organisation or service sits. */
export function useDistrictName() {
  const districts = useDistricts();
  return (id: string | null) => districts.data?.find((d) => d.id === id)?.name ?? '—';
}

export function useMunicipalities(districtId?: string) {
  return useQuery({
    queryKey: structureKeys.municipalities(districtId),
    queryFn: () =>
      api('/api/municipalities', { query: { districtId }, schema: z.array(ZMunicipalitySchema) }),
    staleTime: STRUCTURE_STALE_MS,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: structureKeys.organisations,
    queryFn: () => api('/api/organisations', { schema: z.array(ZOrganisationSchema) }),
    staleTime: STRUCTURE_STALE_MS,
  });
}

export function useServices(organisationId?: string) {
  return useQuery({
    queryKey: structureKeys.services(organisationId),
    queryFn: () => api('/api/services', { query: { organisationId }, schema: z.array(ZServiceSchema) }),
    staleTime: STRUCTURE_STALE_MS,
  });
}

/**
 * A create-or-update call on one structure resource. Several of these answer only `{ id }`, and counts
 * shown elsewhere (municipalities per district, services per organisation) change too, so the body
 * is not read: the whole structure is refetched instead.
 */
export function useStructureSave<TBody>(collection: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TBody }) =>
      api(id ? `/api/${collection}/${encodeURIComponent(id)}` : `/api/${collection}`, {
        method: id ? 'PATCH' : 'POST',
        body,
      }),
    onSuccess: () =>
      Promise.all(
        ['districts', 'municipalities', 'organisations', 'services'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

/** Empty select and text values mean "none" for the nullable fields of the structure forms. */
export function emptyToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}
