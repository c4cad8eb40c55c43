import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TAttendanceInput,
  type TCommitteeUpdate,
  type TMeetingInput,
  type TMeetingUpdate,
  ZAgendaItemSchema,
  ZAttendanceSchema,
  type ZCommitteeInputSchema,
  ZCommitteeListSchema,
  ZCommitteeSchema,
  ZInvitationsSentSchema,
  ZMeetingListSchema,
  ZMeetingSchema,
  ZMeetingSummarySchema,
  type ZMemberInputSchema,
  ZMemberListSchema,
  ZMemberSchema,
  ZPersonOptionsSchema,
} from '../../../contracts/governance-committees.js';
import { api } from '../../api/client.js';

/** The committees API (issue 21, item 1): committees, members, meetings, agenda, attendance, invitations. */
const enc = encodeURIComponent;
const committeePath = (id: string, rest = '') => `/api/governance/committees/${enc(id)}${rest}`;
const meetingPath = (id: string, rest = '') => `/api/governance/meetings/${enc(id)}${rest}`;
const ZAgendaSchema = z.array(ZAgendaItemSchema);

export const committeeKeys = {
  all: ['committees'] as const,
  list: () => ['committees', 'list'] as const,
  committee: (id: string) => ['committees', 'committee', id] as const,
  members: (id: string) => ['committees', 'committee', id, 'members'] as const,
  meetings: (id: string) => ['committees', 'committee', id, 'meetings'] as const,
  people: () => ['committees', 'people'] as const,
  meeting: (id: string) => ['committees', 'meeting', id] as const,
};

/** The address of a meeting's calendar file: a plain link the browser downloads. */
export const meetingCalendarUrl = (meetingId: string) => meetingPath(meetingId, '/calendar.ics');

export function useCommittees() {
  return useQuery({
    queryKey: committeeKeys.list(),
    queryFn: () => api('/api/governance/committees', { schema: ZCommitteeListSchema }),
  });
}

export function useCommittee(id: string) {
  return useQuery({
    queryKey: committeeKeys.committee(id),
    queryFn: () => api(committeePath(id), { schema: ZCommitteeSchema }),
  });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: committeeKeys.members(id),
    queryFn: () => api(committeePath(id, '/members'), { schema: ZMemberListSchema }),
  });
}

export function useMeetings(id: string) {
  return useQuery({
    queryKey: committeeKeys.meetings(id),
    queryFn: () => api(committeePath(id, '/meetings'), { schema: ZMeetingListSchema }),
  });
}

export function usePeopleOptions(enabled: boolean) {
  return useQuery({
    queryKey: committeeKeys.people(),
    queryFn: () => api('/api/governance/committees/people', { schema: ZPersonOptionsSchema }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: committeeKeys.meeting(id),
    queryFn: () => api(meetingPath(id), { schema: ZMeetingSchema }),
  });
}

export function useCommitteeMutations(committeeId?: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: committeeKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: z.input<typeof ZCommitteeInputSchema>) =>
        api('/api/governance/committees', { method: 'POST', body, schema: ZCommitteeSchema }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (body: TCommitteeUpdate) =>
        api(committeePath(committeeId!), { method: 'PUT', body, schema: ZCommitteeSchema }),
      onSuccess: refresh,
    }),
    addMember: useMutation({
      mutationFn: (body: z.input<typeof ZMemberInputSchema>) =>
        api(committeePath(committeeId!, '/members'), { method: 'POST', body, schema: ZMemberSchema }),
      onSuccess: refresh,
    }),
    endMember: useMutation({
      mutationFn: ({ memberId, until }: { memberId: string; until: string }) =>
        api(committeePath(committeeId!, `/members/${enc(memberId)}/end`), {
          method: 'POST',
          body: { until },
          schema: ZMemberSchema,
        }),
      onSuccess: refresh,
    }),
    planMeeting: useMutation({
      mutationFn: (body: TMeetingInput) =>
        api(committeePath(committeeId!, '/meetings'), {
          method: 'POST',
          body,
          schema: ZMeetingSummarySchema,
        }),
      onSuccess: refresh,
    }),
  };
}

export function useMeetingMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: committeeKeys.all });
  const agendaItem = (itemId: string, rest = '') => meetingPath(meetingId, `/agenda/${enc(itemId)}${rest}`);
  return {
    update: useMutation({
      mutationFn: (body: TMeetingUpdate) =>
        api(meetingPath(meetingId), { method: 'PUT', body, schema: ZMeetingSummarySchema }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: () =>
        api(meetingPath(meetingId, '/cancel'), { method: 'POST', body: {}, schema: ZMeetingSummarySchema }),
      onSuccess: refresh,
    }),
    addItem: useMutation({
      mutationFn: (body: { title: string; presenterMemberId: string | null }) =>
        api(meetingPath(meetingId, '/agenda'), { method: 'POST', body, schema: ZAgendaSchema }),
      onSuccess: refresh,
    }),
    updateItem: useMutation({
      mutationFn: ({
        itemId,
        ...body
      }: {
        itemId: string;
        title: string;
        presenterMemberId: string | null;
      }) => api(agendaItem(itemId), { method: 'PUT', body, schema: ZAgendaSchema }),
      onSuccess: refresh,
    }),
    moveItem: useMutation({
      mutationFn: ({ itemId, direction }: { itemId: string; direction: 'up' | 'down' }) =>
        api(agendaItem(itemId, '/move'), { method: 'POST', body: { direction }, schema: ZAgendaSchema }),
      onSuccess: refresh,
    }),
    attachFile: useMutation({
      mutationFn: async ({ itemId, file }: { itemId: string; file: File }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        // The browser writes the multipart body and its boundary; the client sends it as it is.
        const encoded = new Response(form);
        const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
        return api(agendaItem(itemId, '/files'), {
          method: 'POST',
          rawBody: { data: await encoded.blob(), contentType },
          schema: z.object({ id: z.string() }),
        });
      },
      onSuccess: refresh,
    }),
    attendance: useMutation({
      mutationFn: (body: TAttendanceInput) =>
        api(meetingPath(meetingId, '/attendance'), { method: 'PUT', body, schema: ZAttendanceSchema }),
      onSuccess: refresh,
    }),
    invite: useMutation({
      mutationFn: () =>
        api(meetingPath(meetingId, '/invitations'), {
          method: 'POST',
          body: {},
          schema: ZInvitationsSentSchema,
        }),
    }),
  };
}

export { useFileLink } from '../../api/file-link.js';
