import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type THolderInput,
  type ZConsentInputSchema,
  type ZEngagementInputSchema,
  ZHolderDetailSchema,
  type ZHolderLinkInputSchema,
  type ZHolderListQuerySchema,
  ZHolderPageSchema,
  type ZHolderPersonInputSchema,
  type ZHolderUpdateSchema,
  ZMapSchema,
  type ZNeedAnswerSchema,
  type ZNeedInputSchema,
  type ZNeedListQuerySchema,
  ZNeedSchema,
  type ZResourceInputSchema,
  type ZResourceListQuerySchema,
  ZResourceListSchema,
  ZTimelineItemSchema,
} from '../../../contracts/community.js';
import { api } from '../../api/client.js';

/** The community registry API (issue 19, items 1–4): holders, people, links, needs, timeline, ledger, map. */
const enc = encodeURIComponent;

export const HOLDERS_PAGE_SIZE = 50;
/** The most holders one call gives: enough for the choice of another holder in a form. */
export const HOLDER_CHOICE_SIZE = 200;

/** The registry's filters as the URL keeps them (the contract's query without the page size). */
export type HolderFilters = Omit<z.output<typeof ZHolderListQuerySchema>, 'pageSize' | 'page'> & {
  page?: number | undefined;
};
export type MapFilters = { kind?: string; community?: string; need?: string };
export type NeedFilters = z.input<typeof ZNeedListQuerySchema>;
export type ResourceFilters = z.input<typeof ZResourceListQuerySchema>;

export const communityKeys = {
  all: ['community'] as const,
  holders: (filters: HolderFilters, pageSize: number) => ['community', 'holders', filters, pageSize] as const,
  holder: (id: string) => ['community', 'holder', id] as const,
  holderNeeds: (id: string) => ['community', 'holder', id, 'needs'] as const,
  timeline: (id: string) => ['community', 'holder', id, 'timeline'] as const,
  needs: (filters: NeedFilters) => ['community', 'needs', filters] as const,
  resources: (filters: ResourceFilters) => ['community', 'resources', filters] as const,
  map: (filters: MapFilters) => ['community', 'map', filters] as const,
};

export function useHolders(filters: HolderFilters, pageSize = HOLDERS_PAGE_SIZE) {
  return useQuery({
    queryKey: communityKeys.holders(filters, pageSize),
    queryFn: () =>
      api('/api/community/holders', { query: { ...filters, pageSize }, schema: ZHolderPageSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useHolder(id: string) {
  return useQuery({
    queryKey: communityKeys.holder(id),
    queryFn: () => api(`/api/community/holders/${enc(id)}`, { schema: ZHolderDetailSchema }),
  });
}

const needList = z.object({ items: z.array(ZNeedSchema) });

export function useHolderNeeds(id: string) {
  return useQuery({
    queryKey: communityKeys.holderNeeds(id),
    queryFn: () => api(`/api/community/holders/${enc(id)}/needs`, { schema: needList }),
    select: (data) => data.items,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: communityKeys.timeline(id),
    queryFn: () =>
      api(`/api/community/holders/${enc(id)}/timeline`, {
        schema: z.object({ items: z.array(ZTimelineItemSchema) }),
      }),
    select: (data) => data.items,
  });
}

export function useNeeds(filters: NeedFilters) {
  return useQuery({
    queryKey: communityKeys.needs(filters),
    queryFn: () => api('/api/community/needs', { query: filters, schema: needList }),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useResources(filters: ResourceFilters) {
  return useQuery({
    queryKey: communityKeys.resources(filters),
    queryFn: () => api('/api/community/resources', { query: filters, schema: ZResourceListSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useCommunityMap(filters: MapFilters) {
  return useQuery({
    queryKey: communityKeys.map(filters),
    queryFn: () => api('/api/community/map', { query: filters, schema: ZMapSchema }),
    placeholderData: (previous) => previous,
  });
}

/**
 * A change to the registry: the registry's lists and the holder's own views are fetched again
 * (a holder's name, needs and people show in lists, in other holders' links and on the map).
 */
function useRegistryChange<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}

/** POST for a new holder, PUT for an existing one (the update also says whether it is active). */
export function useHolderSave(id: string | null) {
  return useRegistryChange((body: THolderInput | z.input<typeof ZHolderUpdateSchema>) =>
    api(id ? `/api/community/holders/${enc(id)}` : '/api/community/holders', {
      method: id ? 'PUT' : 'POST',
      body,
      schema: ZHolderDetailSchema,
    }),
  );
}

const holderPath = (holderId: string, rest = '') => `/api/community/holders/${enc(holderId)}${rest}`;

export function usePersonSave(holderId: string, personId: string | null) {
  return useRegistryChange((body: z.input<typeof ZHolderPersonInputSchema>) =>
    api(holderPath(holderId, personId ? `/people/${enc(personId)}` : '/people'), {
      method: personId ? 'PUT' : 'POST',
      body,
    }),
  );
}

export function usePersonRemove(holderId: string) {
  return useRegistryChange((personId: string) =>
    api(holderPath(holderId, `/people/${enc(personId)}`), { method: 'DELETE' }),
  );
}

export function useConsentAdd(holderId: string, personId: string) {
  return useRegistryChange((body: z.input<typeof ZConsentInputSchema>) =>
    api(holderPath(holderId, `/people/${enc(personId)}/consents`), { method: 'POST', body }),
  );
}

export function useConsentWithdraw() {
  return useRegistryChange(({ consentId, withdrawnOn }: { consentId: string; withdrawnOn: string }) =>
    api(`/api/community/consents/${enc(consentId)}/withdraw`, { method: 'POST', body: { withdrawnOn } }),
  );
}

export function useLinkAdd(holderId: string) {
  return useRegistryChange((body: z.input<typeof ZHolderLinkInputSchema>) =>
    api(holderPath(holderId, '/links'), { method: 'POST', body }),
  );
}

/** A link is removed from the holder it starts from, whichever of the two pages shows it. */
export function useLinkRemove() {
  return useRegistryChange((link: { fromHolderId: string; toHolderId: string; kind: string }) =>
    api(holderPath(link.fromHolderId, `/links/${enc(link.toHolderId)}/${enc(link.kind)}`), {
      method: 'DELETE',
    }),
  );
}

export function useNeedAdd(holderId: string) {
  return useRegistryChange((body: z.input<typeof ZNeedInputSchema>) =>
    api(holderPath(holderId, '/needs'), { method: 'POST', body }),
  );
}

export function useNeedAnswer() {
  return useRegistryChange(({ needId, body }: { needId: string; body: z.input<typeof ZNeedAnswerSchema> }) =>
    api(`/api/community/needs/${enc(needId)}/answer`, { method: 'POST', body }),
  );
}

export function useEngagementAdd(holderId: string) {
  return useRegistryChange((body: z.input<typeof ZEngagementInputSchema>) =>
    api(holderPath(holderId, '/engagements'), { method: 'POST', body }),
  );
}

export function useResourceAdd() {
  return useRegistryChange((body: z.input<typeof ZResourceInputSchema>) =>
    api('/api/community/resources', { method: 'POST', body }),
  );
}
