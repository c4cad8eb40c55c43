import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZRoleGrantSchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export const roleGrantKeys = {
  all: ['role-grants'] as const,
  list: (status: 'open' | 'all', userId?: string) => ['role-grants', status, userId ?? null] as const,
};

export function useRoleGrants(status: 'open' | 'all', userId?: string) {
  return useQuery({
    queryKey: roleGrantKeys.list(status, userId),
    queryFn: () =>
      api('/api/role-grants', {
        query: userId ? { status, userId } : { status },
        schema: z.array(ZRoleGrantSchema),
      }),
  });
}

/** A decision changes the grant, possibly the user's memberships, and the home counts. */
export function useDecideRoleGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' | 'cancel' }) =>
      api(`/api/role-grants/${encodeURIComponent(id)}/decision`, {
        method: 'POST',
        body: { decision },
        schema: ZRoleGrantSchema,
      }),
    onSuccess: () =>
      Promise.all(
        [roleGrantKeys.all, ['users'], ['home']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
