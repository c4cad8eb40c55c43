import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type ZActionInputSchema,
  ZActionListSchema,
  type ZActionMoveSchema,
  ZActionSchema,
  type ZDecisionInputSchema,
  ZDecisionListSchema,
  ZIndicatorChoicesSchema,
  ZMeetingMinutesSchema,
  type ZMinutesDraftInputSchema,
  type ZMinutesEditInputSchema,
} from '../../../contracts/governance-minutes.js';
import { api } from '../../api/client.js';

/** Minutes, decisions and actions (issue 21, item 2): the API the meeting page and the action lists use. */
const enc = encodeURIComponent;

export const actionKeys = {
  all: ['governance-actions'] as const,
  minutes: (meetingId: string) => ['governance-actions', 'minutes', meetingId] as const,
  decisions: (meetingId: string) => ['governance-actions', 'decisions', meetingId] as const,
  indicators: ['governance-actions', 'indicators'] as const,
  mine: ['governance-actions', 'mine'] as const,
  overdue: ['governance-actions', 'overdue'] as const,
  committee: (committeeId: string, meetingId?: string) =>
    ['governance-actions', 'committee', committeeId, meetingId ?? null] as const,
  action: (id: string) => ['governance-actions', 'action', id] as const,
};

export const useMinutes = (meetingId: string) =>
  useQuery({
    queryKey: actionKeys.minutes(meetingId),
    queryFn: () =>
      api(`/api/governance/meetings/${enc(meetingId)}/minutes`, { schema: ZMeetingMinutesSchema }),
  });

export const useDecisions = (meetingId: string) =>
  useQuery({
    queryKey: actionKeys.decisions(meetingId),
    queryFn: () =>
      api(`/api/governance/meetings/${enc(meetingId)}/decisions`, { schema: ZDecisionListSchema }),
  });

export const useIndicators = () =>
  useQuery({
    queryKey: actionKeys.indicators,
    queryFn: () => api('/api/governance/indicators', { schema: ZIndicatorChoicesSchema }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useMyActions = () =>
  useQuery({
    queryKey: actionKeys.mine,
    queryFn: () => api('/api/governance/actions/mine', { schema: ZActionListSchema }),
  });

export const useChairedOverdue = () =>
  useQuery({
    queryKey: actionKeys.overdue,
    queryFn: () => api('/api/governance/actions/overdue', { schema: ZActionListSchema }),
  });

export const useCommitteeActions = (committeeId: string, meetingId?: string) =>
  useQuery({
    queryKey: actionKeys.committee(committeeId, meetingId),
    queryFn: () =>
      api(`/api/governance/committees/${enc(committeeId)}/actions`, {
        query: { meetingId },
        schema: ZActionListSchema,
      }),
  });

export const useAction = (id: string) =>
  useQuery({
    queryKey: actionKeys.action(id),
    queryFn: () => api(`/api/governance/actions/${enc(id)}`, { schema: ZActionSchema }),
  });

/** Every change answers the record as it now stands; the lists around it are read again. */
function useActionsMutation<I, O>(run: (input: I) => Promise<O>, onDone?: (result: O) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      onDone?.(result);
      await client.invalidateQueries({ queryKey: actionKeys.all });
      await client.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useMinutesChange(meetingId: string) {
  const client = useQueryClient();
  const set = (data: z.output<typeof ZMeetingMinutesSchema>) =>
    client.setQueryData(actionKeys.minutes(meetingId), data);
  const minutesApi = (path: string, method: 'POST' | 'PUT', body?: unknown) =>
    api(path, { method, body, schema: ZMeetingMinutesSchema });
  return {
    draft: useActionsMutation(
      (input: z.input<typeof ZMinutesDraftInputSchema>) =>
        minutesApi(`/api/governance/meetings/${enc(meetingId)}/minutes`, 'POST', input),
      set,
    ),
    edit: useActionsMutation(
      ({ id, input }: { id: string; input: z.input<typeof ZMinutesEditInputSchema> }) =>
        minutesApi(`/api/governance/minutes/${enc(id)}`, 'PUT', input),
      set,
    ),
    circulate: useActionsMutation(
      (id: string) => minutesApi(`/api/governance/minutes/${enc(id)}/circulate`, 'POST'),
      set,
    ),
    approve: useActionsMutation(
      (id: string) => minutesApi(`/api/governance/minutes/${enc(id)}/approve`, 'POST'),
      set,
    ),
  };
}

export const useRecordDecision = (meetingId: string) =>
  useActionsMutation((input: z.input<typeof ZDecisionInputSchema>) =>
    api(`/api/governance/meetings/${enc(meetingId)}/decisions`, {
      method: 'POST',
      body: input,
      schema: ZDecisionListSchema,
    }),
  );

export const useCreateAction = (committeeId: string) =>
  useActionsMutation((input: z.input<typeof ZActionInputSchema>) =>
    api(`/api/governance/committees/${enc(committeeId)}/actions`, {
      method: 'POST',
      body: input,
      schema: ZActionSchema,
    }),
  );

export const useMoveAction = () =>
  useActionsMutation(({ id, input }: { id: string; input: z.input<typeof ZActionMoveSchema> }) =>
    api(`/api/governance/actions/${enc(id)}`, { method: 'PATCH', body: input, schema: ZActionSchema }),
  );
