import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  keysetPageOf,
  type TCase,
  type TCaseListQuery,
  ZAddressFormSchema,
  ZCaseListItemSchema,
  ZCaseSchema,
  type ZClosureRequestSchema,
  ZIdSchema,
  type ZIntakeSchema,
  ZMediatorSessionSchema,
  type ZSessionCreateSchema,
  ZSessionListItemSchema,
  type ZSessionNoteCreateSchema,
  ZSessionSchema,
  type ZTeamUpdateSchema,
  ZTimelineSchema,
} from '../../../contracts/index.js';
import type { ZClosureDecisionSchema, ZReopenSchema } from '../../../contracts/tutela.js';
import { api } from '../../api/client.js';

export const CASES_PAGE_SIZE = 50;

/*
 * Two answers have no schema in the contracts yet; these are the shapes the routes document.
 */
export const ZStaffMemberSchema = z.object({
  id: ZIdSchema,
  displayName: z.string(),
  role: z.string(),
  addressForm: ZAddressFormSchema,
});
export type TStaffMember = z.infer<typeof ZStaffMemberSchema>;
const ZCaseFiltersSchema = z.object({
  services: z.array(z.object({ id: ZIdSchema, name: z.string() })),
  districts: z.array(z.object({ id: ZIdSchema, name: z.string() })),
  workers: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
});

/**
 * The list filters: the API's own query (`ZCaseListQuerySchema`), with `overdue` a flag in the URL
 * and `cursor` the opaque position the page starts after, as the API gave it (never shown).
 */
export type CaseFilters = Omit<TCaseListQuery, 'overdue' | 'page' | 'pageSize' | 'cursor'> & {
  overdue?: boolean | undefined;
  page: number;
  cursor?: string | undefined;
};

export const caseKeys = {
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  filters: ['cases', 'filters'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
  sessions: (id: string) => ['cases', 'sessions', id] as const,
  staff: (scope: StaffScope) => ['cases', 'staff', scope] as const,
  session: (id: string) => ['sessions', 'detail', id] as const,
  mine: ['sessions', 'mine'] as const,
};

const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: () =>
      api('/api/cases', {
        query: { ...filters, overdue: filters.overdue ? 'true' : undefined, pageSize: CASES_PAGE_SIZE },
        schema: keysetPageOf(ZCaseListItemSchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useCaseFilters() {
  return useQuery({
    queryKey: caseKeys.filters,
    queryFn: () => api('/api/cases/filters', { schema: ZCaseFiltersSchema }),
    staleTime: 5 * 60_000,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => api(casePath(id), { schema: ZCaseSchema }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: () => api(casePath(id, '/timeline'), { schema: ZTimelineSchema }),
  });
}

/** Staff who may join a case, or who may be kept away from a person (the services involved). */
export type StaffScope = { caseId: string } | { personId: string };

export function useStaff(scope: StaffScope) {
  return useQuery({
    queryKey: caseKeys.staff(scope),
    queryFn: () => api('/api/cases/staff', { query: scope, schema: z.array(ZStaffMemberSchema) }),
  });
}

/**
 * Every change to a case answers with the case: it replaces the cached one (no second, audited
 * read), and the lists and the timeline are refetched.
 */
export function useCaseMutations(id: string) {
  const queryClient = useQueryClient();
  const done = (updated: TCase) => {
    queryClient.setQueryData(caseKeys.detail(id), updated);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
      queryClient.invalidateQueries({ queryKey: caseKeys.timeline(id) }),
    ]);
  };
  const call =
    <B>(method: 'PUT' | 'POST', rest: string) =>
    (body?: B) =>
      // A POST without a body still sends `{}`: the server then reads an empty object, not nothing.
      api(casePath(id, rest), { method, body: body ?? {}, schema: ZCaseSchema });
  return {
    intake: useMutation({
      mutationFn: call<z.output<typeof ZIntakeSchema>>('PUT', '/intake'),
      onSuccess: done,
    }),
    team: useMutation({
      mutationFn: call<z.output<typeof ZTeamUpdateSchema>>('PUT', '/team'),
      onSuccess: done,
    }),
    requestClosure: useMutation({
      mutationFn: call<z.output<typeof ZClosureRequestSchema>>('POST', '/closure'),
      onSuccess: done,
    }),
    approveClosure: useMutation({ mutationFn: call<undefined>('POST', '/closure/approve'), onSuccess: done }),
    // A supervisor refuses a closure or sends it back; the lead or that supervisor reopens a closed case.
    decideClosure: useMutation({
      mutationFn: call<z.output<typeof ZClosureDecisionSchema>>('POST', '/closure/decision'),
      onSuccess: done,
    }),
    reopen: useMutation({
      mutationFn: call<z.output<typeof ZReopenSchema>>('POST', '/reopen'),
      onSuccess: done,
    }),
  };
}

export function useCaseSessions(caseId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: caseKeys.sessions(caseId),
    queryFn: () => api(casePath(caseId, '/sessions'), { schema: z.array(ZSessionListItemSchema) }),
  });
}

export function useSessionCreate(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ZSessionCreateSchema>) =>
      api(casePath(caseId, '/sessions'), { method: 'POST', body, schema: ZSessionSchema }),
    onSuccess: (session) => {
      queryClient.setQueryData(caseKeys.session(session.id), session);
      // The first session changes the case's indicators and its timeline.
      return Promise.all(
        [caseKeys.sessions(caseId), caseKeys.detail(caseId), caseKeys.timeline(caseId), caseKeys.mine].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export function useSessionDetail(id: string) {
  return useQuery({
    queryKey: caseKeys.session(id),
    queryFn: () => api(`/api/sessions/${encodeURIComponent(id)}`, { schema: ZSessionSchema }),
  });
}

/** A note section written after the session (the mediator's mediation note): the answer is the session. */
export function useSessionNoteAdd(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ZSessionNoteCreateSchema>) =>
      api(`/api/sessions/${encodeURIComponent(id)}/notes`, { method: 'POST', body, schema: ZSessionSchema }),
    onSuccess: (session) => queryClient.setQueryData(caseKeys.session(session.id), session),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: caseKeys.mine,
    queryFn: () => api('/api/my-sessions', { schema: z.array(ZMediatorSessionSchema) }),
  });
}
