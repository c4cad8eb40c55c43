import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZIdentityProviderListSchema,
  ZIdentityProviderSchema,
  ZOrganisationSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { problemType } from '../../ui/forms/server-errors.js';

const listKey = ['identity-providers'] as const;

const listQuery = {
  queryKey: listKey,
  queryFn: () => api('/api/identity-providers', { schema: ZIdentityProviderListSchema }),
};

export function useIdentityProviders() {
  return useQuery({ ...listQuery, select: (list) => list.providers });
}

/** The address each provider must know as this app's redirect URI (the server's public address). */
export function useRedirectUri() {
  return useQuery({ ...listQuery, select: (list) => list.redirectUri });
}

/** The organisations, chosen by name in the form. */
export function useOrganisationChoices() {
  return useQuery({
    queryKey: ['organisations'] as const,
    queryFn: () => api('/api/organisations', { schema: z.array(ZOrganisationSchema) }),
    select: (organisations) =>
      organisations
        .map((o) => ({ value: o.id, label: o.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'it')),
    staleTime: 5 * 60_000,
  });
}

/** Registers a provider (no id) or changes one; the list is asked again afterwards. */
export function useSaveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | undefined; body: unknown }) =>
      api(id ? `/api/identity-providers/${encodeURIComponent(id)}` : '/api/identity-providers', {
        method: id ? 'PATCH' : 'POST',
        body,
        schema: ZIdentityProviderSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

/** A second person approves a provider as it stands; the list is asked again afterwards. */
export function useApproveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/api/identity-providers/${encodeURIComponent(id)}/approve`, {
        method: 'POST',
        schema: ZIdentityProviderSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

/** The server wants a fresh second factor first (`step-up-required`): ask for the code, then retry. */
export const isStepUpRequired = (error: unknown) => problemType(error).endsWith('step-up-required');

/** A wrong code answers 401: a form error here, not an expired session. */
