import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../contracts/common.js';
import { keysetPageOf, ZCaseListItemSchema, ZSessionListItemSchema } from '../../../contracts/index.js';
import {
  type TMediatorInput,
  type TRequestInput,
  type TRequestStatus,
  ZConflictSchema,
  ZFeedbackLinkSchema,
  ZFeedbackSummarySchema,
  ZHoursReportSchema,
  ZMatchSchema,
  ZMediatorSchema,
  ZRateSchema,
  ZRequestSchema,
  ZStatementSchema,
} from '../../../contracts/mediation.js';
import { ZUserSchema } from '../../../contracts/users.js';
import { api, withQuery } from '../../api/client.js';

/** The mediation API (issue 18): requests, matches, assignments, the registry, hours and statements. */
const enc = encodeURIComponent;

export const REQUESTS_PAGE_SIZE = 25;

export interface RequestFilters {
  status?: TRequestStatus | undefined;
  unmatched?: boolean | undefined;
  page: number;
}

export const mediationKeys = {
  all: ['mediation'] as const,
  requests: (filters: RequestFilters) => ['mediation', 'requests', filters] as const,
  request: (id: string) => ['mediation', 'request', id] as const,
  matches: (id: string) => ['mediation', 'matches', id] as const,
  mediators: ['mediation', 'mediators'] as const,
  mediator: (id: string) => ['mediation', 'mediator', id] as const,
  conflicts: (id: string) => ['mediation', 'conflicts', id] as const,
  feedback: (id: string) => ['mediation', 'feedback', id] as const,
  rates: ['mediation', 'rates'] as const,
  hours: (month: string) => ['mediation', 'hours', month] as const,
  statement: (organisationId: string, month: string) =>
    ['mediation', 'statement', organisationId, month] as const,
};

export function useRequests(filters: RequestFilters) {
  return useQuery({
    queryKey: mediationKeys.requests(filters),
    queryFn: () =>
      api('/api/mediation/requests', {
        query: {
          status: filters.status,
          unmatched: filters.unmatched ? 'true' : undefined,
          page: filters.page,
          pageSize: REQUESTS_PAGE_SIZE,
        },
        schema: pageOf(ZRequestSchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: mediationKeys.request(id),
    queryFn: () => api(`/api/mediation/requests/${enc(id)}`, { schema: ZRequestSchema }),
  });
}

/** The ranked matches: asked only while the request waits for a mediator. */
export function useMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: mediationKeys.matches(id),
    queryFn: () =>
      api(`/api/mediation/requests/${enc(id)}/matches`, {
        schema: z.object({ items: z.array(ZMatchSchema) }),
      }),
    enabled,
  });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TRequestInput) =>
      api('/api/mediation/requests', { method: 'POST', body, schema: ZRequestSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}

/** What the coordinator and the requester do to a request; each refreshes the request and its matches. */
export function useRequestActions(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediationKeys.all });
  const base = `/api/mediation/requests/${enc(id)}`;
  return {
    assign: useMutation({
      mutationFn: (mediatorId: string) =>
        api(`${base}/assign`, { method: 'POST', body: { mediatorId }, schema: ZRequestSchema }),
      onSuccess: refresh,
    }),
    offer: useMutation({
      mutationFn: (mediatorIds: string[]) =>
        api(`${base}/offer`, { method: 'POST', body: { mediatorIds }, schema: ZRequestSchema }),
      onSuccess: refresh,
    }),
    removeMediator: useMutation({
      mutationFn: () => api(`${base}/remove-mediator`, { method: 'POST', schema: ZRequestSchema }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (reason: string | null) =>
        api(`${base}/cancel`, { method: 'POST', body: { reason }, schema: ZRequestSchema }),
      onSuccess: refresh,
    }),
  };
}

/** The requester's side of a mediation that took place: the rating and the person's feedback link. */
export function useAssignmentFeedback(assignmentId: string, requestId: string) {
  const queryClient = useQueryClient();
  const base = `/api/mediation/assignments/${enc(assignmentId)}`;
  return {
    rate: useMutation({
      mutationFn: (body: { rating: number; comment: string | null }) =>
        api(`${base}/rating`, { method: 'POST', body }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: mediationKeys.request(requestId) }),
    }),
    link: useMutation({
      mutationFn: () => api(`${base}/feedback-link`, { method: 'POST', schema: ZFeedbackLinkSchema }),
    }),
  };
}

export function useMediators() {
  return useQuery({
    queryKey: mediationKeys.mediators,
    queryFn: () =>
      api('/api/mediation/mediators', { schema: z.object({ items: z.array(ZMediatorSchema) }) }).then(
        (answer) => answer.items,
      ),
  });
}

export function useMediator(id: string) {
  return useQuery({
    queryKey: mediationKeys.mediator(id),
    queryFn: () => api(`/api/mediation/mediators/${enc(id)}`, { schema: ZMediatorSchema }),
  });
}

export function useMediatorSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TMediatorInput }) =>
      api(id ? `/api/mediation/mediators/${enc(id)}` : '/api/mediation/mediators', {
        method: id ? 'PUT' : 'POST',
        body,
        schema: ZMediatorSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}

export function useAbsenceActions(mediatorId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediationKeys.mediator(mediatorId) });
  return {
    add: useMutation({
      mutationFn: (body: { from: string; to: string }) =>
        api(`/api/mediation/mediators/${enc(mediatorId)}/absences`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (absenceId: string) =>
        api(`/api/mediation/absences/${enc(absenceId)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export function useConflicts(mediatorId: string) {
  return useQuery({
    queryKey: mediationKeys.conflicts(mediatorId),
    queryFn: () =>
      api(`/api/mediation/mediators/${enc(mediatorId)}/conflicts`, {
        schema: z.object({ items: z.array(ZConflictSchema) }),
      }).then((answer) => answer.items),
  });
}

export function useConflictActions(mediatorId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediationKeys.conflicts(mediatorId) });
  return {
    declare: useMutation({
      mutationFn: (body: unknown) =>
        api(`/api/mediation/mediators/${enc(mediatorId)}/conflicts`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (conflictId: string) =>
        api(`/api/mediation/conflicts/${enc(conflictId)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export function useFeedbackSummary(mediatorId: string) {
  return useQuery({
    queryKey: mediationKeys.feedback(mediatorId),
    queryFn: () => api('/api/mediation/feedback', { query: { mediatorId }, schema: ZFeedbackSummarySchema }),
  });
}

export function useRates() {
  return useQuery({
    queryKey: mediationKeys.rates,
    queryFn: () =>
      api('/api/mediation/rates', { schema: z.object({ items: z.array(ZRateSchema) }) }).then(
        (answer) => answer.items,
      ),
  });
}

export function useRateSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, body }: { organisationId: string; body: unknown }) =>
      api(`/api/mediation/organisations/${enc(organisationId)}/rates`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediationKeys.rates }),
  });
}

export function useHours(month: string) {
  return useQuery({
    queryKey: mediationKeys.hours(month),
    queryFn: () => api('/api/mediation/hours', { query: { month }, schema: ZHoursReportSchema }),
  });
}

/** The statement of each cooperative of the report, side by side. */
export function useStatements(organisationIds: readonly string[], month: string) {
  return useQueries({
    queries: organisationIds.map((organisationId) => ({
      queryKey: mediationKeys.statement(organisationId, month),
      queryFn: () =>
        api(`/api/mediation/statements/${enc(organisationId)}`, {
          query: { month },
          schema: ZStatementSchema,
        }),
      retry: false,
    })),
  });
}

/** Plain same-origin downloads (the session cookie goes with them). */
/** The statement's files, in the reader's language. */
export const statementDownloads = {
  xlsx: (organisationId: string, month: string, lang: 'it' | 'en') =>
    withQuery(`/api/mediation/statements/${enc(organisationId)}/xlsx`, { month, lang }),
  pdf: (organisationId: string, month: string, lang: 'it' | 'en') =>
    withQuery(`/api/mediation/statements/${enc(organisationId)}/pdf`, { month, lang }),
};

const ZMediatorAccountsSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), displayName: z.string(), organisationName: z.string().nullable() }),
  ),
});

/** The people who hold the mediator role, wherever they work (the mediation coordinator's list). */
export function useMediatorAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['mediation', 'mediator-accounts'],
    queryFn: () =>
      api('/api/mediation/mediator-accounts', { schema: ZMediatorAccountsSchema }).then((page) => page.items),
    enabled,
    staleTime: 60_000,
  });
}

/** One's own phone from one's profile, to prefill the contact of a request. */
export function useOwnPhone(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['mediation', 'own-phone', userId],
    queryFn: () => api(`/api/users/${enc(userId)}`, { schema: ZUserSchema }).then((u) => u.phone),
    enabled,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** The cases the requester may see (the first hundred, newest first as the cases API orders them). */
export function useMyCases(enabled: boolean) {
  return useQuery({
    queryKey: ['mediation', 'my-cases'],
    queryFn: () =>
      api('/api/cases', { query: { pageSize: 100 }, schema: keysetPageOf(ZCaseListItemSchema) }).then(
        (page) => page.items,
      ),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

export function useCaseSessions(caseId: string) {
  return useQuery({
    queryKey: ['mediation', 'case-sessions', caseId],
    queryFn: () => api(`/api/cases/${enc(caseId)}/sessions`, { schema: z.array(ZSessionListItemSchema) }),
    enabled: caseId !== '',
    retry: false,
  });
}
