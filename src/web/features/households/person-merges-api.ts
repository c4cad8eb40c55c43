import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZDuplicatePairSchema, ZPersonMergeSchema } from '../../../contracts/person-merges.js';
import { api } from '../../api/client.js';

/** Duplicate people and their merges (issue 22, item 7). */
const keys = {
  duplicates: ['households', 'duplicates'] as const,
  merges: (personId: string) => ['households', 'merges', personId] as const,
};

export function useDuplicates() {
  return useQuery({
    queryKey: keys.duplicates,
    queryFn: () => api('/api/people/duplicates', { schema: z.array(ZDuplicatePairSchema) }),
  });
}

export function usePersonMerges(personId: string) {
  return useQuery({
    queryKey: keys.merges(personId),
    queryFn: () =>
      api(`/api/people/${encodeURIComponent(personId)}/merges`, { schema: z.array(ZPersonMergeSchema) }),
  });
}

/** A merge or its undoing touches two records, their households and the list of pairs: all read again. */
function useMergeWrite<I>(request: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['households'] }),
  });
}

export function useMerge() {
  return useMergeWrite(
    ({ keptId, mergedPersonId, reason }: { keptId: string; mergedPersonId: string; reason: string }) =>
      api(`/api/people/${encodeURIComponent(keptId)}/merge`, {
        method: 'POST',
        body: { mergedPersonId, reason },
        schema: ZPersonMergeSchema,
      }),
  );
}

export function useRevertMerge() {
  return useMergeWrite(({ mergeId, reason }: { mergeId: string; reason: string }) =>
    api(`/api/person-merges/${encodeURIComponent(mergeId)}/revert`, {
      method: 'POST',
      body: { reason },
      schema: ZPersonMergeSchema,
    }),
  );
}
