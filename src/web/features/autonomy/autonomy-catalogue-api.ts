import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TOfferInput,
  type ZEmployerInputSchema,
  ZEmployerListSchema,
  ZEmployerSchema,
  type ZInitiativeInputSchema,
  ZInitiativeListSchema,
  ZInitiativeSchema,
  type ZInitiativeUpdateSchema,
  type ZOfferListQuerySchema,
  ZOfferListSchema,
  ZOfferSchema,
} from '../../../contracts/autonomy.js';
import { api } from '../../api/client.js';

/**
 * The offers catalogue, the social enterprises and the employers (issue 20, items 1 and 3). The
 * plan's sections read them too (an offer to enrol in, an employer to place with), and a plan's
 * enrolment or placement changes the counts shown here: every key starts with `autonomy`.
 */
const enc = encodeURIComponent;

export type OfferFilters = z.input<typeof ZOfferListQuerySchema>;

export const catalogueKeys = {
  all: ['autonomy-catalogue'] as const,
  offers: (filters: OfferFilters) => ['autonomy-catalogue', 'offers', filters] as const,
  initiatives: ['autonomy-catalogue', 'initiatives'] as const,
  employers: ['autonomy-catalogue', 'employers'] as const,
};

export function useOffers(filters: OfferFilters) {
  return useQuery({
    queryKey: catalogueKeys.offers(filters),
    queryFn: () => api('/api/autonomy/offers', { query: filters, schema: ZOfferListSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useInitiatives() {
  return useQuery({
    queryKey: catalogueKeys.initiatives,
    queryFn: () => api('/api/autonomy/initiatives', { schema: ZInitiativeListSchema }),
  });
}

export function useEmployers() {
  return useQuery({
    queryKey: catalogueKeys.employers,
    queryFn: () => api('/api/autonomy/employers', { schema: ZEmployerListSchema }),
  });
}

function useCatalogueChange<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}

/** POST for a new offer, PUT (the whole offer) for one of the catalogue. */
export function useOfferSave(id: string | null) {
  return useCatalogueChange((body: TOfferInput) =>
    api(id ? `/api/autonomy/offers/${enc(id)}` : '/api/autonomy/offers', {
      method: id ? 'PUT' : 'POST',
      body,
      schema: ZOfferSchema,
    }),
  );
}

export function useInitiativeCreate() {
  return useCatalogueChange((body: z.input<typeof ZInitiativeInputSchema>) =>
    api('/api/autonomy/initiatives', { method: 'POST', body, schema: ZInitiativeSchema }),
  );
}

export function useInitiativeUpdate(id: string) {
  return useCatalogueChange((body: z.input<typeof ZInitiativeUpdateSchema>) =>
    api(`/api/autonomy/initiatives/${enc(id)}`, { method: 'PATCH', body, schema: ZInitiativeSchema }),
  );
}

export function useEmployerAdd() {
  return useCatalogueChange((body: z.input<typeof ZEmployerInputSchema>) =>
    api('/api/autonomy/employers', { method: 'POST', body, schema: ZEmployerSchema }),
  );
}
