import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type TCase, ZCaseSchema, ZHouseholdSchema } from '../../../contracts/index.js';
import { type TTransfer, type ZTransferCreateSchema, ZTransferSchema } from '../../../contracts/tutela.js';
import { api } from '../../api/client.js';
import { householdKeys } from '../households/households-api.js';
import { caseKeys } from './cases-api.js';

/**
 * Transfers between Ambiti: the case's lead asks a service of another Ambito to take the case; the
 * receiving service accepts or refuses; the lead may withdraw a request still waiting.
 */
export const transferKeys = { list: ['transfers'] as const };

const transferPath = (id: string, rest: string) => `/api/transfers/${encodeURIComponent(id)}${rest}`;

/** Those received by the caller's service (open ones first), then those of cases the caller may open. */
export function useTransfers() {
  return useQuery({
    queryKey: transferKeys.list,
    queryFn: () => api('/api/transfers', { schema: z.array(ZTransferSchema) }),
  });
}

/**
 * The case's household, read only once a transfer is to rest on a consent: its people and their
 * consents, those a transfer may name (the household page's own query: one cached copy).
 */
export function useCaseHousehold(householdId: string) {
  return useQuery({
    queryKey: householdKeys.detail(householdId),
    queryFn: () => api(`/api/households/${encodeURIComponent(householdId)}`, { schema: ZHouseholdSchema }),
  });
}

/** What a transfer changes besides itself: the list, Home's count, and the case (its open request). */
function useRefresh() {
  const queryClient = useQueryClient();
  return (caseId: string) =>
    Promise.all(
      [transferKeys.list, ['home'], caseKeys.detail(caseId), caseKeys.timeline(caseId)].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** The lead asks for a transfer; the case is read again, so its page shows the open request. */
export function useTransferRequest(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.output<typeof ZTransferCreateSchema>) =>
      api(`/api/cases/${encodeURIComponent(caseId)}/transfers`, {
        method: 'POST',
        body,
        schema: ZTransferSchema,
      }),
    onSuccess: () => refresh(caseId),
  });
}

/**
 * Accepting answers with the case as its new lead sees it (cached, so the link opens it at once);
 * refusing and withdrawing answer with the transfer. A POST without a body still sends `{}`.
 */
export function useTransferActions() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return {
    accept: useMutation({
      mutationFn: (transferId: string) =>
        api(transferPath(transferId, '/accept'), { method: 'POST', body: {}, schema: ZCaseSchema }),
      onSuccess: async (accepted: TCase) => {
        await refresh(accepted.id);
        queryClient.setQueryData(caseKeys.detail(accepted.id), accepted);
        await queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      },
    }),
    refuse: useMutation({
      mutationFn: ({ transferId, reason }: { transferId: string; reason: string }) =>
        api(transferPath(transferId, '/refuse'), {
          method: 'POST',
          body: { reason },
          schema: ZTransferSchema,
        }),
      onSuccess: (transfer: TTransfer) => refresh(transfer.caseId),
    }),
    withdraw: useMutation({
      mutationFn: (transferId: string) =>
        api(transferPath(transferId, '/withdraw'), { method: 'POST', body: {}, schema: ZTransferSchema }),
      onSuccess: (transfer: TTransfer) => refresh(transfer.caseId),
    }),
  };
}
