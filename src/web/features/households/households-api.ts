import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  pageOf,
  type TAtRiskUpdate,
  type TSafetyDetails,
  type ZConsentCreateSchema,
  ZConsentSchema,
  type ZExclusionCreateSchema,
  ZExclusionSchema,
  type ZHouseholdCreateSchema,
  ZHouseholdListItemSchema,
  ZHouseholdSchema,
  type ZPersonAddSchema,
  ZPersonChangeSchema,
  ZPersonSchema,
  type ZPersonUpdateSchema,
  ZSafetyDetailsSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export const householdKeys = {
  list: (q: string, page: number) => ['households', 'list', q, page] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  exclusions: (personId: string) => ['households', 'exclusions', personId] as const,
  changes: (personId: string) => ['households', 'changes', personId] as const,
};

const personPath = (personId: string, rest: string) => `/api/people/${encodeURIComponent(personId)}${rest}`;

export function useHouseholds(q: string, page: number) {
  return useQuery({
    queryKey: householdKeys.list(q, page),
    queryFn: () => api('/api/households', { query: { q, page }, schema: pageOf(ZHouseholdListItemSchema) }),
    placeholderData: (previous) => previous,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: () => api(`/api/households/${encodeURIComponent(id)}`, { schema: ZHouseholdSchema }),
  });
}

export function useHouseholdCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZHouseholdCreateSchema>) =>
      api('/api/households', { method: 'POST', body, schema: ZHouseholdSchema }),
    onSuccess: (household) => {
      queryClient.setQueryData(householdKeys.detail(household.id), household);
      return queryClient.invalidateQueries({ queryKey: ['households', 'list'] });
    },
  });
}

/**
 * Changes to a household's people and consents answer with the one record changed, while the page
 * shows the whole household: the household is refetched.
 */
export function useHouseholdMutations(householdId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: householdKeys.detail(householdId) }),
      queryClient.invalidateQueries({ queryKey: ['households', 'list'] }),
      // The family network shows the household's people too (family-api.ts).
      queryClient.invalidateQueries({ queryKey: ['households', 'network', householdId] }),
    ]);
  return {
    addPerson: useMutation({
      mutationFn: (body: z.input<typeof ZPersonAddSchema>) =>
        api(`/api/households/${encodeURIComponent(householdId)}/people`, {
          method: 'POST',
          body,
          schema: ZPersonSchema,
        }),
      onSuccess: refresh,
    }),
    updatePerson: useMutation({
      mutationFn: ({ personId, body }: { personId: string; body: z.input<typeof ZPersonUpdateSchema> }) =>
        api(personPath(personId, ''), { method: 'PUT', body, schema: ZPersonSchema }),
      onSuccess: (person) =>
        Promise.all([
          refresh(),
          queryClient.invalidateQueries({ queryKey: householdKeys.changes(person.id) }),
        ]),
    }),
    removePerson: useMutation({
      mutationFn: ({ personId, reason }: { personId: string; reason: string }) =>
        api(personPath(personId, '/remove'), { method: 'POST', body: { reason } }),
      onSuccess: refresh,
    }),
    recordConsent: useMutation({
      mutationFn: ({ personId, body }: { personId: string; body: z.input<typeof ZConsentCreateSchema> }) =>
        api(personPath(personId, '/consents'), { method: 'POST', body, schema: ZConsentSchema }),
      onSuccess: refresh,
    }),
    revokeConsent: useMutation({
      mutationFn: ({ consentId, reason }: { consentId: string; reason: string }) =>
        api(`/api/consents/${encodeURIComponent(consentId)}/revoke`, {
          method: 'POST',
          body: { reason },
          schema: ZConsentSchema,
        }),
      onSuccess: refresh,
    }),
    setAtRisk: useMutation({
      mutationFn: ({ personId, body }: { personId: string; body: TAtRiskUpdate }) =>
        api(personPath(personId, '/at-risk'), { method: 'PUT', body }),
      onSuccess: refresh,
    }),
    saveSafety: useMutation({
      mutationFn: ({ personId, body }: { personId: string; body: TSafetyDetails }) =>
        api(personPath(personId, '/safety'), { method: 'PUT', body }),
      onSuccess: refresh,
    }),
  };
}

/**
 * Safety details are never cached: the reveal is a mutation whose answer lives only in the panel
 * that asked for it, and is gone when the panel closes.
 */
export function revealSafety({ personId, reason }: { personId: string; reason: string }) {
  return api(personPath(personId, '/safety/reveal'), {
    method: 'POST',
    body: { reason },
    schema: ZSafetyDetailsSchema,
  });
}

/** A wrong code answers 401: a form error here, not an expired session. */

/** Who changed what in a person's record. Reading it is audited: only fetched when asked for. */
export function usePersonChanges(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: householdKeys.changes(personId),
    queryFn: () => api(personPath(personId, '/changes'), { schema: z.array(ZPersonChangeSchema) }),
    enabled,
  });
}

export function useExclusions(personId: string) {
  return useQuery({
    queryKey: householdKeys.exclusions(personId),
    queryFn: () => api(personPath(personId, '/exclusions'), { schema: z.array(ZExclusionSchema) }),
  });
}

export function useExclusionAdd(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZExclusionCreateSchema>) =>
      api(personPath(personId, '/exclusions'), { method: 'POST', body, schema: ZExclusionSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: householdKeys.exclusions(personId) }),
  });
}
