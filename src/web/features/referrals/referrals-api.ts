import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  pageOf,
  type TReferral,
  type TReferralStatus,
  ZIdSchema,
  type ZReferralCreateSchema,
  ZReferralListItemSchema,
  ZReferralSchema,
  type ZReferralUpdateSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export type ReferralBox = 'received' | 'sent';

export interface ReferralFilters {
  box: ReferralBox;
  status?: TReferralStatus | undefined;
  overdue?: boolean | undefined;
  page: number;
}

export const referralKeys = {
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
};

const referralPath = (id: string, rest = '') => `/api/referrals/${encodeURIComponent(id)}${rest}`;

export function useReferrals(filters: ReferralFilters) {
  return useQuery({
    queryKey: referralKeys.list(filters),
    queryFn: () =>
      api('/api/referrals', {
        query: { ...filters, overdue: filters.overdue ? 'true' : undefined },
        schema: pageOf(ZReferralListItemSchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: () => api(referralPath(id), { schema: ZReferralSchema }),
  });
}

export function useReferralCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZReferralCreateSchema>) =>
      api('/api/referrals', { method: 'POST', body, schema: ZReferralSchema }),
    onSuccess: (referral) => {
      queryClient.setQueryData(referralKeys.detail(referral.id), referral);
      return queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
  });
}

/** The actions on one referral; each answer (the referral) replaces the cached one. */
export function useReferralMutations(id: string) {
  const queryClient = useQueryClient();
  const done = (referral: TReferral) => {
    queryClient.setQueryData(referralKeys.detail(id), referral);
    return queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
  };
  const action = (name: string) => (body?: object) =>
    api(referralPath(id, `/${name}`), { method: 'POST', body: body ?? {}, schema: ZReferralSchema });
  return {
    update: useMutation({
      mutationFn: (body: z.input<typeof ZReferralUpdateSchema>) =>
        api(referralPath(id), { method: 'PATCH', body, schema: ZReferralSchema }),
      onSuccess: done,
    }),
    send: useMutation({
      mutationFn: (body: { consentOverrideReason?: string }) => action('send')(body),
      onSuccess: done,
    }),
    decline: useMutation({
      mutationFn: (reason: string) => action('decline')({ reason }),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: (reason: string) => action('revoke')({ reason }),
      onSuccess: done,
    }),
    close: useMutation({ mutationFn: () => action('close')(), onSuccess: done }),
    /** Accepting opens the case: the referral is read again (it now carries the case). */
    accept: useMutation({
      mutationFn: () =>
        api(referralPath(id, '/accept'), {
          method: 'POST',
          body: {},
          // A consultation referral opens a consultation instead (issue 22, item 5).
          schema: z.object({ caseId: ZIdSchema.optional(), consultationId: ZIdSchema.optional() }),
        }),
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: ['referrals'] }),
          queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
        ]),
    }),
    /** The deleted draft's page is left, not reloaded into a 404: only the lists are refetched. */
    remove: useMutation({
      mutationFn: () => api(referralPath(id), { method: 'DELETE' }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] }),
    }),
  };
}
