import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TResidence,
  ZFamilyNetworkSchema,
  type ZLegalRoleCreateSchema,
  type ZRelationCreateSchema,
  ZResidenceRecordSchema,
} from '../../../contracts/tutela.js';
import { api } from '../../api/client.js';

/** The family network of a household (relations, legal roles) and one person's residence status. */
export const familyKeys = {
  network: (householdId: string) => ['households', 'network', householdId] as const,
  residence: (personId: string) => ['households', 'residence', personId] as const,
};

const householdPath = (id: string, rest: string) => `/api/households/${encodeURIComponent(id)}${rest}`;
const residencePath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/residence`;

/**
 * Reading the network is audited. The server answers 404 (or 403) to whoever may not read it: the
 * page then shows nothing of it.
 */
export function useFamilyNetwork(householdId: string, enabled = true) {
  return useQuery({
    queryKey: familyKeys.network(householdId),
    queryFn: () => api(householdPath(householdId, '/network'), { schema: ZFamilyNetworkSchema }),
    enabled,
  });
}

/** Each change answers with the one record changed, while the page shows the whole network: it is read again. */
export function useFamilyNetworkMutations(householdId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: familyKeys.network(householdId) });
  return {
    addRelation: useMutation({
      mutationFn: (body: z.output<typeof ZRelationCreateSchema>) =>
        api(householdPath(householdId, '/relations'), { method: 'POST', body }),
      onSuccess: refresh,
    }),
    removeRelation: useMutation({
      mutationFn: (relationId: string) =>
        api(householdPath(householdId, `/relations/${encodeURIComponent(relationId)}`), {
          method: 'DELETE',
        }),
      onSuccess: refresh,
    }),
    addLegalRole: useMutation({
      mutationFn: (body: z.output<typeof ZLegalRoleCreateSchema>) =>
        api(householdPath(householdId, '/legal-roles'), { method: 'POST', body }),
      onSuccess: refresh,
    }),
    endLegalRole: useMutation({
      mutationFn: ({ roleId, endsOn }: { roleId: string; endsOn: string }) =>
        api(householdPath(householdId, `/legal-roles/${encodeURIComponent(roleId)}/end`), {
          method: 'POST',
          body: { endsOn },
        }),
      onSuccess: refresh,
    }),
  };
}

/**
 * A person's residence status is special data: read only when asked for (audited), and never kept
 * once the panel that asked for it closes (`gcTime: 0`).
 */
export function useResidence(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: familyKeys.residence(personId),
    queryFn: () => api(residencePath(personId), { schema: ZResidenceRecordSchema }),
    enabled,
    gcTime: 0,
  });
}

/** The answer is the record as saved: it replaces the one shown (no second, audited read). */
export function useResidenceSave(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TResidence) =>
      api(residencePath(personId), { method: 'PUT', body, schema: ZResidenceRecordSchema }),
    onSuccess: (saved) => queryClient.setQueryData(familyKeys.residence(personId), saved),
  });
}
