import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TAttendanceRow,
  type TAttendanceStatus,
  ZAttendanceRowSchema,
  ZCheckinCodeSchema,
  ZCheckinResultSchema,
  ZPersonalPageSchema,
} from '../../../contracts/gatherings.js';
import { ZEditionSchema, ZVerificationSchema } from '../../../contracts/training.js';
import { api } from '../../api/client.js';

const enc = encodeURIComponent;

/** How often the trainer's screen asks for the code (it rotates every 20 s) and the list. */
export const REFRESH_MS = 5_000;

export const attendanceKeys = {
  rows: (sessionId: string) => ['attendance', 'rows', sessionId] as const,
  code: (sessionId: string) => ['attendance', 'code', sessionId] as const,
  edition: (editionId: string) => ['attendance', 'edition', editionId] as const,
  personal: (token: string) => ['attendance', 'personal', token] as const,
  verification: (code: string) => ['attendance', 'verification', code] as const,
};

export const signatureSheetPath = (sessionId: string) =>
  `/api/training/sessions/${enc(sessionId)}/signature-sheet`;

/** The edition a session belongs to (its course's title and the session's time), when known. */
export function useEdition(editionId: string | undefined) {
  return useQuery({
    queryKey: attendanceKeys.edition(editionId ?? ''),
    queryFn: () => api(`/api/training/editions/${enc(editionId ?? '')}`, { schema: ZEditionSchema }),
    enabled: editionId !== undefined,
  });
}

/** The confirmed participants of a session and their attendance; asked again while the QR shows. */
export function useAttendance(sessionId: string, live: boolean) {
  return useQuery({
    queryKey: attendanceKeys.rows(sessionId),
    queryFn: () =>
      api(`/api/training/sessions/${enc(sessionId)}/attendance`, { schema: z.array(ZAttendanceRowSchema) }),
    refetchInterval: live ? REFRESH_MS : false,
  });
}

export interface MarksInput {
  marks: { placeId: string; status: TAttendanceStatus }[];
  source: 'trainer' | 'signature_sheet';
}

/**
 * Saves marks. The list shows them at once (the trainer is on a phone, in a room); a refusal puts
 * the list back as it was and the page shows why.
 */
export function useSaveMarks(sessionId: string) {
  const queryClient = useQueryClient();
  const key = attendanceKeys.rows(sessionId);
  return useMutation({
    mutationFn: (input: MarksInput) =>
      api(`/api/training/sessions/${enc(sessionId)}/attendance`, { method: 'PUT', body: input }),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TAttendanceRow[]>(key);
      const byPlace = new Map(input.marks.map((m) => [m.placeId, m.status]));
      queryClient.setQueryData<TAttendanceRow[]>(key, (rows) =>
        rows?.map((row) => {
          const status = byPlace.get(row.placeId);
          return status ? { ...row, status, source: input.source } : row;
        }),
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The rotating check-in code while the panel is open; stops asking once the server refuses. */
export function useCheckinCode(sessionId: string, shown: boolean) {
  return useQuery({
    queryKey: attendanceKeys.code(sessionId),
    queryFn: () =>
      api(`/api/training/sessions/${enc(sessionId)}/checkin-code`, { schema: ZCheckinCodeSchema }),
    enabled: shown,
    refetchInterval: (query) => (query.state.status === 'error' ? false : REFRESH_MS),
    retry: false,
    gcTime: 0,
  });
}

/** A signed-in participant's scan. */
export function useSignedInCheckin(sessionId: string) {
  return useMutation({
    mutationFn: (code: string) =>
      api(`/api/training/sessions/${enc(sessionId)}/checkin`, {
        method: 'POST',
        body: { code },
        schema: ZCheckinResultSchema,
      }),
  });
}

/** An external participant's scan, with the personal link kept on their phone. */
export function usePersonalCheckin(sessionId: string) {
  return useMutation({
    mutationFn: ({ token, code }: { token: string; code: string }) =>
      api(`/api/training/personal/${enc(token)}/checkin`, {
        method: 'POST',
        body: { sessionId, code },
        schema: ZCheckinResultSchema,
        skipUnauthorizedRedirect: true,
      }),
  });
}

export function usePersonalPage(token: string) {
  return useQuery({
    queryKey: attendanceKeys.personal(token),
    queryFn: () =>
      api(`/api/training/personal/${enc(token)}`, {
        schema: ZPersonalPageSchema,
        skipUnauthorizedRedirect: true,
      }),
    retry: false,
  });
}

/** An external participant accepts the place offered to them from the waiting list. */
export function useConfirmPersonalPlace(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/api/training/personal/${enc(token)}/confirm`, { method: 'POST', skipUnauthorizedRedirect: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.personal(token) }),
  });
}

export function useVerification(code: string | null) {
  return useQuery({
    queryKey: attendanceKeys.verification(code ?? ''),
    queryFn: () =>
      api(`/api/public/certificates/${enc(code ?? '')}`, {
        schema: ZVerificationSchema,
        skipUnauthorizedRedirect: true,
      }),
    enabled: code !== null,
    retry: false,
  });
}
