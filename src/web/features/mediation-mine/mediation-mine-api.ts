import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type ZAbsenceInputSchema,
  type ZHoursLogInputSchema,
  ZMediatorJobSchema,
  ZMediatorSchema,
} from '../../../contracts/mediation.js';
import { ZLanguageSchema } from '../../../contracts/structure.js';
import { api } from '../../api/client.js';

/**
 * A mediator's own work (issue 18, item 4): offers and assignments with the minimum they need,
 * their answers, their hours, their absences and a calendar feed for their phone.
 */
const enc = encodeURIComponent;

export const mineKeys = {
  jobs: ['mediation-mine', 'jobs'] as const,
  me: ['mediation-mine', 'me'] as const,
  languages: ['reference', 'languages'] as const,
};

const ZJobsSchema = z.object({ items: z.array(ZMediatorJobSchema) });
const ZAnsweredOfferSchema = z.object({ assignmentId: z.string().nullable() });
const ZStatusSchema = z.object({ status: z.string() });
const ZAbsenceSchema = z.object({ id: z.string(), from: z.string(), to: z.string() });
/** The private address of the mediator's calendar feed (a new one revokes the one before). */
const ZCalendarLinkSchema = z.object({ url: z.string() });

export function useMyJobs() {
  return useQuery({
    queryKey: mineKeys.jobs,
    queryFn: () => api('/api/mediation/my/jobs', { schema: ZJobsSchema }),
  });
}

/** The mediator's own record: weekly hours and absences (the coordinator keeps the rest). */
export function useMyMediatorRecord() {
  return useQuery({
    queryKey: mineKeys.me,
    queryFn: () => api('/api/mediation/mediators/me', { schema: ZMediatorSchema }),
  });
}

/** Language names in Italian and English (the jobs carry the code). */
export function useLanguageNames() {
  return useQuery({
    queryKey: mineKeys.languages,
    queryFn: () => api('/api/reference/languages', { schema: z.array(ZLanguageSchema) }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every answer changes what the page shows (and Home's count): the jobs are asked again. */
function useJobsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mineKeys.jobs });
}

/** Accept or decline an offer (the offer's id is the request's): the first to accept gets it. */
export function useAnswerOffer() {
  const refresh = useJobsRefresh();
  return useMutation({
    mutationFn: ({ requestId, accept }: { requestId: string; accept: boolean }) =>
      api(`/api/mediation/my/offers/${enc(requestId)}/${accept ? 'accept' : 'decline'}`, {
        method: 'POST',
        schema: ZAnsweredOfferSchema,
      }),
    // A refusal (someone else took it) also changes the list: the offer is gone.
    onSettled: refresh,
  });
}

export function useAnswerAssignment() {
  const refresh = useJobsRefresh();
  return useMutation({
    mutationFn: ({ id, confirm, reason }: { id: string; confirm: boolean; reason: string | null }) =>
      api(`/api/mediation/my/assignments/${enc(id)}/${confirm ? 'confirm' : 'decline'}`, {
        method: 'POST',
        body: { reason },
        schema: ZStatusSchema,
      }),
    onSettled: refresh,
  });
}

export function useLogHours(id: string) {
  const refresh = useJobsRefresh();
  return useMutation({
    mutationFn: (input: z.input<typeof ZHoursLogInputSchema>) =>
      api(`/api/mediation/my/assignments/${enc(id)}/hours`, {
        method: 'POST',
        body: input,
        schema: ZStatusSchema,
      }),
    onSuccess: refresh,
  });
}

export function useAbsenceMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: mineKeys.me });
  return {
    add: useMutation({
      mutationFn: (input: z.input<typeof ZAbsenceInputSchema>) =>
        api('/api/mediation/mediators/me/absences', { method: 'POST', body: input, schema: ZAbsenceSchema }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/api/mediation/absences/${enc(id)}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
  };
}

export function useCalendarLink() {
  return useMutation({
    mutationFn: () => api('/api/mediation/my/calendar-link', { method: 'POST', schema: ZCalendarLinkSchema }),
  });
}
