import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { TRentRequestStatus } from '../../../contracts/autonomy-codes.js';
import {
  type TRentRequest,
  type ZBudgetInputSchema,
  ZBudgetListSchema,
  ZBudgetSchema,
  ZLandlordSchema,
  ZLedgerSchema,
  type ZRentPaymentSchema,
  type ZRentRequestInputSchema,
  ZRentRequestListSchema,
  ZRentRequestSchema,
  type ZRentReversalSchema,
  ZUnitListSchema,
} from '../../../contracts/housing.js';
import { api, withQuery } from '../../api/client.js';

/** Rent support (issue 20, item 5): budgets, requests and their decisions, the ledger and its export. */
const enc = encodeURIComponent;
const requestPath = (id: string, rest = '') => `/api/payments/requests/${enc(id)}${rest}`;

export interface RequestFilters {
  status?: TRentRequestStatus | undefined;
}

export interface LedgerFilters {
  year?: number | undefined;
  budgetId?: string | undefined;
  householdCode?: string | undefined;
}

export const paymentKeys = {
  all: ['payments'] as const,
  budgets: ['payments', 'budgets'] as const,
  requests: (filters: RequestFilters) => ['payments', 'requests', filters] as const,
  request: (id: string) => ['payments', 'request', id] as const,
  ledger: (filters: LedgerFilters) => ['payments', 'ledger', filters] as const,
  units: ['payments', 'units'] as const,
};

export function useBudgets() {
  return useQuery({
    queryKey: paymentKeys.budgets,
    queryFn: () => api('/api/payments/budgets', { schema: ZBudgetListSchema }),
  });
}

export function useCreateBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ZBudgetInputSchema>) =>
      api('/api/payments/budgets', { method: 'POST', body, schema: ZBudgetSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
  });
}

/** The service's requests, newest first, a page at a time (keyset: "show more" follows the cursor). */
export function useRequests(filters: RequestFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.requests(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api('/api/payments/requests', {
        query: { status: filters.status, cursor: pageParam },
        schema: ZRentRequestListSchema,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: paymentKeys.request(id),
    queryFn: () => api(requestPath(id), { schema: ZRentRequestSchema }),
  });
}

/** Every change answers with the request as it now is: it replaces the cached one; lists and totals refetch. */
function useSettle() {
  const queryClient = useQueryClient();
  return async (request: TRentRequest) => {
    queryClient.setQueryData(paymentKeys.request(request.id), request);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['payments', 'requests'] }),
      queryClient.invalidateQueries({ queryKey: paymentKeys.budgets }),
      queryClient.invalidateQueries({ queryKey: ['payments', 'ledger'] }),
    ]);
  };
}

export function useCreateRequest() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: z.output<typeof ZRentRequestInputSchema>) =>
      api('/api/payments/requests', { method: 'POST', body, schema: ZRentRequestSchema }),
    onSuccess: settle,
  });
}

export function useRequestActions(id: string) {
  const settle = useSettle();
  const post = (rest: string) => (body: object) =>
    api(requestPath(id, rest), { method: 'POST', body, schema: ZRentRequestSchema });
  return {
    approve: useMutation({ mutationFn: () => post('/approve')({}), onSuccess: settle }),
    refuse: useMutation({ mutationFn: (reason: string) => post('/refuse')({ reason }), onSuccess: settle }),
    cancel: useMutation({ mutationFn: () => post('/cancel')({}), onSuccess: settle }),
    pay: useMutation({
      mutationFn: (body: z.output<typeof ZRentPaymentSchema>) => post('/pay')(body),
      onSuccess: settle,
    }),
    reverse: useMutation({
      mutationFn: (body: z.output<typeof ZRentReversalSchema>) => post('/reverse')(body),
      onSuccess: settle,
    }),
  };
}

/** A supporting document: sent as the browser's own form (multipart), one file. */
export function useAddDocument(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      // The browser writes the multipart body and its boundary; the client sends it as it is.
      const encoded = new Response(form);
      const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
      return api(requestPath(id, '/documents'), {
        method: 'POST',
        rawBody: { data: await encoded.blob(), contentType },
        schema: ZRentRequestSchema,
      });
    },
    onSuccess: settle,
  });
}

/**
 * A single-use link to a supporting document (a safety file: the server asks for a reason and a
 * recent step-up, answering 403 step-up-required without one).
 */
export function documentLink({ fileId, reason }: { fileId: string; reason: string }) {
  return api(`/api/files/${enc(fileId)}/link`, {
    method: 'POST',
    body: { reason },
    schema: z.object({ url: z.string(), expiresAt: z.string() }),
  });
}

/**
 * A private landlord's details are never cached: the answer lives only in the component that asked
 * and is gone when it is hidden. Without a recent step-up the server answers 403 step-up-required.
 */
export function revealLandlord({ id, reason }: { id: string; reason: string }) {
  return api(requestPath(id, '/landlord/reveal'), {
    method: 'POST',
    body: { reason },
    schema: ZLandlordSchema,
  });
}

export function useLedger(filters: LedgerFilters) {
  return useQuery({
    queryKey: paymentKeys.ledger(filters),
    queryFn: () =>
      api('/api/payments/ledger', {
        query: { year: filters.year, budgetId: filters.budgetId, householdCode: filters.householdCode },
        schema: ZLedgerSchema,
      }),
    placeholderData: (previous) => previous,
  });
}

/** A plain same-origin download (the session cookie goes with it); the server audits it. */
export const ledgerExportUrl = (filters: LedgerFilters, format: 'xlsx' | 'csv') =>
  withQuery('/api/payments/ledger/export', {
    format,
    year: filters.year,
    budgetId: filters.budgetId,
    householdCode: filters.householdCode,
  });

/** The service's apartments (labels and who stayed, never an address), for the housing team only. */
export function useUnits(enabled: boolean) {
  return useQuery({
    queryKey: paymentKeys.units,
    queryFn: () => api('/api/housing/units', { schema: ZUnitListSchema }),
    enabled,
    staleTime: 60_000,
  });
}
