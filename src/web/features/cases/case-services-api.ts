import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TCaseServicesView,
  type TSessionPractice,
  type ZCaseServiceCreateSchema,
  ZCaseServicesViewSchema,
  type ZCaseServiceUpdateSchema,
  type ZFollowupCreateSchema,
  type ZFollowupDoneSchema,
  type ZOutsideParticipantCreateSchema,
  type ZSessionNoteEditSchema,
  ZSessionPracticeSchema,
  type ZSessionStatusChangeSchema,
} from '../../../contracts/case-services.js';
import { ZSessionSchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { caseKeys } from './cases-api.js';

/** Services and follow-ups of a case; a session's status, outside participants and note history (issue 22). */
const keys = {
  services: (caseId: string) => ['cases', 'services', caseId] as const,
  practice: (sessionId: string) => ['sessions', 'practice', sessionId] as const,
};
const casePath = (id: string, rest: string) => `/api/cases/${encodeURIComponent(id)}${rest}`;
const sessionPath = (id: string, rest: string) => `/api/sessions/${encodeURIComponent(id)}${rest}`;

export function useCaseServices(caseId: string) {
  return useQuery({
    queryKey: keys.services(caseId),
    queryFn: () => api(casePath(caseId, '/services'), { schema: ZCaseServicesViewSchema }),
  });
}

/** Every write answers with the whole tab, which replaces what is shown. */
export function useCaseServiceMutations(caseId: string) {
  const queryClient = useQueryClient();
  const done = (view: TCaseServicesView) => queryClient.setQueryData(keys.services(caseId), view);
  const send = (method: 'POST' | 'PATCH', rest: string) => (body: object) =>
    api(casePath(caseId, rest), { method, body, schema: ZCaseServicesViewSchema });
  return {
    addService: useMutation({
      mutationFn: (body: z.output<typeof ZCaseServiceCreateSchema>) => send('POST', '/services')(body),
      onSuccess: done,
    }),
    updateService: useMutation({
      mutationFn: ({ id, body }: { id: string; body: z.output<typeof ZCaseServiceUpdateSchema> }) =>
        send('PATCH', `/services/${encodeURIComponent(id)}`)(body),
      onSuccess: done,
    }),
    addFollowup: useMutation({
      mutationFn: (body: z.output<typeof ZFollowupCreateSchema>) => send('POST', '/followups')(body),
      onSuccess: done,
    }),
    markDone: useMutation({
      mutationFn: ({ id, body }: { id: string; body: z.output<typeof ZFollowupDoneSchema> }) =>
        send('POST', `/followups/${encodeURIComponent(id)}/done`)(body),
      onSuccess: done,
    }),
  };
}

export function useSessionPractice(sessionId: string) {
  return useQuery({
    queryKey: keys.practice(sessionId),
    queryFn: () => api(sessionPath(sessionId, '/practice'), { schema: ZSessionPracticeSchema }),
  });
}

export function useSessionPracticeMutations(sessionId: string, caseId: string) {
  const queryClient = useQueryClient();
  const practiceDone = (practice: TSessionPractice) =>
    queryClient.setQueryData(keys.practice(sessionId), practice);
  const sessionDone = async (session: z.infer<typeof ZSessionSchema>) => {
    queryClient.setQueryData(caseKeys.session(session.id), session);
    // The status moves the case's first session, its list and the earlier texts of the notes.
    await Promise.all(
      [keys.practice(sessionId), caseKeys.sessions(caseId), caseKeys.detail(caseId)].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
  return {
    status: useMutation({
      mutationFn: (body: z.output<typeof ZSessionStatusChangeSchema>) =>
        api(sessionPath(sessionId, '/status'), { method: 'POST', body, schema: ZSessionSchema }),
      onSuccess: sessionDone,
    }),
    editNote: useMutation({
      mutationFn: (body: z.output<typeof ZSessionNoteEditSchema>) =>
        api(sessionPath(sessionId, '/notes'), { method: 'PUT', body, schema: ZSessionSchema }),
      onSuccess: sessionDone,
    }),
    addOutside: useMutation({
      mutationFn: (body: z.output<typeof ZOutsideParticipantCreateSchema>) =>
        api(sessionPath(sessionId, '/outside-participants'), {
          method: 'POST',
          body,
          schema: ZSessionPracticeSchema,
        }),
      onSuccess: practiceDone,
    }),
    removeOutside: useMutation({
      mutationFn: (id: string) =>
        api(sessionPath(sessionId, `/outside-participants/${encodeURIComponent(id)}`), {
          method: 'DELETE',
          schema: ZSessionPracticeSchema,
        }),
      onSuccess: practiceDone,
    }),
  };
}
