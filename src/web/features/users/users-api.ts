import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  pageOf,
  type TAddressForm,
  type TRole,
  ZRevokeSessionsResponseSchema,
  ZRoleGrantSchema,
  ZSessionSummarySchema,
  ZUserCreateResponseSchema,
  ZUserSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export const PAGE_SIZE = 25;

/** List rows may come without memberships (they are the detail page's business). */
const ZUserRowSchema = ZUserSchema.extend({ memberships: ZUserSchema.shape.memberships.optional() });
export type TUserRow = z.infer<typeof ZUserRowSchema>;

/** The list's filters, as the URL keeps them; `role` and `serviceId` are matched on one membership. */
export interface TUserFilters {
  q: string;
  role?: TRole | undefined;
  serviceId?: string | undefined;
  page: number;
}

export const userKeys = {
  list: (filters: TUserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  sessions: (id: string) => ['users', 'sessions', id] as const,
};

export function useUsers(filters: TUserFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: () =>
      api('/api/users', {
        query: {
          q: filters.q,
          role: filters.role,
          serviceId: filters.serviceId,
          page: filters.page,
          pageSize: PAGE_SIZE,
        },
        schema: pageOf(ZUserRowSchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: () => api(`/api/users/${encodeURIComponent(id)}`, { schema: ZUserSchema }),
  });
}

export function useUserSessions(id: string) {
  return useQuery({
    queryKey: userKeys.sessions(id),
    queryFn: () =>
      api(`/api/users/${encodeURIComponent(id)}/sessions`, { schema: z.array(ZSessionSummarySchema) }),
  });
}

export function createUser(body: {
  username: string;
  displayName: string;
  email: string;
  phone?: string | null | undefined;
  locale: 'it' | 'en';
  addressForm: TAddressForm;
}) {
  return api('/api/users', { method: 'POST', body, schema: ZUserCreateResponseSchema });
}

/** Mutations on one user; every change refreshes that user and the list. */
export function useUserMutations(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/users/${encodeURIComponent(id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  return {
    update: useMutation({
      mutationFn: (body: Record<string, unknown>) =>
        api(base, { method: 'PATCH', body, schema: ZUserSchema }),
      onSuccess: refresh,
    }),
    addMembership: useMutation({
      mutationFn: (body: { role: string; serviceId?: string; organisationId?: string }) =>
        api(`${base}/memberships`, {
          method: 'POST',
          body,
          schema: z.union([ZUserSchema, ZRoleGrantSchema]),
        }),
      // A role that needs a second person comes back as a request: the pending list changes too.
      onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['role-grants'] })]),
    }),
    removeMembership: useMutation({
      mutationFn: (membershipId: string) =>
        api(`${base}/memberships/${encodeURIComponent(membershipId)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    revokeSessions: useMutation({
      mutationFn: () =>
        api(`${base}/sessions/revoke`, { method: 'POST', schema: ZRevokeSessionsResponseSchema }),
      onSuccess: refresh,
    }),
  };
}
