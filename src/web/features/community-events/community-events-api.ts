import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TEventInput,
  type TRegistrationInput,
  ZCheckinCodeSchema,
  ZCheckinResultSchema,
  ZCommunityDashboardSchema,
  type ZEventListQuerySchema,
  ZEventPageSchema,
  ZEventSchema,
  type ZEventUpdateSchema,
  type ZHeadCountInputSchema,
  ZHolderPageSchema,
  ZRegistrationSchema,
  ZSessionDetailSchema,
  ZTicketLookupSchema,
  ZTicketSchema,
} from '../../../contracts/community.js';
import { api } from '../../api/client.js';

/** The community events API (issue 19, items 5–7): calendar, registrations, check-in, counts. */
const enc = encodeURIComponent;

type EventListQuery = Partial<
  Pick<z.input<typeof ZEventListQuerySchema>, 'kind' | 'from' | 'to' | 'municipality'> & {
    page: number;
    pageSize: number;
  }
>;
type EventUpdate = z.input<typeof ZEventUpdateSchema>;
type HeadCountInput = z.input<typeof ZHeadCountInputSchema>;

/** How often the organiser's phone asks for the walk-in code (it changes every 20 s) and the list. */
export const CHECKIN_REFRESH_MS = 15_000;

export const eventKeys = {
  all: ['community-events'] as const,
  list: (query: EventListQuery) => ['community-events', 'list', query] as const,
  event: (id: string) => ['community-events', 'event', id] as const,
  registrations: (id: string) => ['community-events', 'registrations', id] as const,
  session: (id: string) => ['community-events', 'session', id] as const,
  code: (id: string) => ['community-events', 'code', id] as const,
  ticket: (code: string) => ['community-events', 'ticket', code] as const,
  dashboard: (from?: string, to?: string) => ['community-events', 'dashboard', from ?? '', to ?? ''] as const,
  holders: (q: string) => ['community-events', 'holders', q] as const,
};

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => api('/api/community/events', { query, schema: ZEventPageSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.event(id),
    queryFn: () => api(`/api/community/events/${enc(id)}`, { schema: ZEventSchema }),
  });
}

/** The participants, for the event's organisers only (asked only when the event says so). */
export function useRegistrations(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.registrations(eventId),
    queryFn: () =>
      api(`/api/community/events/${enc(eventId)}/registrations`, {
        schema: z.object({ items: z.array(ZRegistrationSchema) }),
      }).then((page) => page.items),
    enabled,
  });
}

export function useEventMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: TEventInput) =>
        api('/api/community/events', { method: 'POST', body, schema: ZEventSchema }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: EventUpdate }) =>
        api(`/api/community/events/${enc(id)}`, { method: 'PUT', body, schema: ZEventSchema }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => api(`/api/community/events/${enc(id)}/cancel`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** Registering someone on their behalf (the answer carries the ticket code, shown once) and cancelling. */
export function useRegistrationMutations(eventId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.all });
  const base = `/api/community/events/${enc(eventId)}/registrations`;
  return {
    register: useMutation({
      mutationFn: (body: TRegistrationInput) => api(base, { method: 'POST', body, schema: ZTicketSchema }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (placeId: string) => api(`${base}/${enc(placeId)}/cancel`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** A session as its organiser works it; asked again while the walk-in QR shows. */
export function useEventSession(sessionId: string, live = false) {
  return useQuery({
    queryKey: eventKeys.session(sessionId),
    queryFn: () => api(`/api/community/sessions/${enc(sessionId)}`, { schema: ZSessionDetailSchema }),
    refetchInterval: live ? CHECKIN_REFRESH_MS : false,
  });
}

/** The walk-in code while its panel is open, asked again before it expires; stops once refused. */
export function useWalkInCode(sessionId: string, shown: boolean) {
  return useQuery({
    queryKey: eventKeys.code(sessionId),
    queryFn: () =>
      api(`/api/community/sessions/${enc(sessionId)}/checkin-code`, { schema: ZCheckinCodeSchema }),
    enabled: shown,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const expiresAt = query.state.data ? Date.parse(query.state.data.expiresAt) : Number.NaN;
      // A little before the code expires, and never later than the usual pace.
      const untilExpiry = Number.isFinite(expiresAt) ? expiresAt - Date.now() - 2_000 : CHECKIN_REFRESH_MS;
      return Math.max(1_000, Math.min(CHECKIN_REFRESH_MS, untilExpiry));
    },
    retry: false,
    gcTime: 0,
  });
}

export function useSessionMutations(sessionId: string) {
  const queryClient = useQueryClient();
  const key = eventKeys.session(sessionId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.all });
  const base = `/api/community/sessions/${enc(sessionId)}`;
  return {
    checkin: useMutation({
      mutationFn: (ticketCode: string) =>
        api(`${base}/checkin`, { method: 'POST', body: { ticketCode }, schema: ZCheckinResultSchema }),
      onSuccess: refresh,
    }),
    attendance: useMutation({
      mutationFn: (marks: { placeId: string; present: boolean }[]) =>
        api(`${base}/attendance`, { method: 'PUT', body: { marks }, schema: ZSessionDetailSchema }),
      onSuccess: (detail) => {
        queryClient.setQueryData(key, detail);
        return refresh();
      },
    }),
    addHeadCount: useMutation({
      mutationFn: (body: HeadCountInput) => api(`${base}/head-counts`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    removeHeadCount: useMutation({
      mutationFn: (headCountId: string) =>
        api(`/api/community/head-counts/${enc(headCountId)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** A scanned printed ticket: its registrations among the organiser's events, with today's sessions. */
export function useTicketLookup(code: string | null) {
  return useQuery({
    queryKey: eventKeys.ticket(code ?? ''),
    queryFn: () =>
      api('/api/community/tickets', { query: { code: code ?? '' }, schema: ZTicketLookupSchema }),
    enabled: code !== null,
    retry: false,
  });
}

/** The ticket's check-in at one of today's sessions (the same call as on the session page). */
export function useTicketCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, ticketCode }: { sessionId: string; ticketCode: string }) =>
      api(`/api/community/sessions/${enc(sessionId)}/checkin`, {
        method: 'POST',
        body: { ticketCode },
        schema: ZCheckinResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useCommunityDashboard(from?: string, to?: string) {
  return useQuery({
    queryKey: eventKeys.dashboard(from, to),
    queryFn: () =>
      api('/api/community/dashboard', { query: { from, to }, schema: ZCommunityDashboardSchema }),
  });
}

/** Community holders whose name matches (co-organisers, registration through a holder). */
export function useHolderSearch(q: string) {
  const wanted = q.trim();
  return useQuery({
    queryKey: eventKeys.holders(wanted),
    queryFn: () =>
      api('/api/community/holders', { query: { q: wanted, pageSize: 20 }, schema: ZHolderPageSchema }),
    enabled: wanted.length >= 2,
    staleTime: 60_000,
  });
}

/** Plain same-origin addresses: the calendar files and the public pages (served by the server). */
export const eventLinks = {
  calendar: '/api/community/events.ics',
  publicCalendar: '/eventi/calendario.ics',
  publicList: '/eventi',
};
