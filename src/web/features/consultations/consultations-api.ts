import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/common.js';
import {
  type TConsultation,
  type TConsultationSessionInput,
  ZConsultationListItemSchema,
  ZConsultationSchema,
  type ZConsultationUpdateSchema,
  type ZPresentationSchema,
} from '../../../contracts/consultations.js';
import { api } from '../../api/client.js';

export const consultationKeys = {
  list: ['consultations', 'list'] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
};

const path = (id: string, rest = '') => `/api/consultations/${encodeURIComponent(id)}${rest}`;

export function useConsultations() {
  return useQuery({
    queryKey: consultationKeys.list,
    queryFn: () => api('/api/consultations', { schema: z.array(ZConsultationListItemSchema) }),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: consultationKeys.detail(id),
    queryFn: () => api(path(id), { schema: ZConsultationSchema }),
  });
}

/** The consultation a case was opened from, when the viewer reaches it (null otherwise). */
export function useConsultationOfCase(caseId: string) {
  return useQuery({
    queryKey: ['consultations', 'of-case', caseId] as const,
    queryFn: () =>
      api(`/api/cases/${encodeURIComponent(caseId)}/consultation`, {
        schema: z.object({ consultationId: ZIdSchema.nullable() }),
      }),
  });
}

/** The opinion's PDF (Italian, watermarked with the reader, audited): a plain link the browser downloads. */
export const opinionPdfUrl = (id: string, opinionId: string) =>
  path(id, `/opinions/${encodeURIComponent(opinionId)}/pdf`);

/** One change: it answers with the consultation as the viewer reads it, so the page shows it at once. */
function useConsultationWrite<I>(id: string, method: 'PATCH' | 'PUT' | 'POST', rest: (input: I) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I & { body?: unknown }) =>
      api(path(id, rest(input)), { method, body: input.body ?? {}, schema: ZConsultationSchema }),
    onSuccess: async (consultation: TConsultation) => {
      queryClient.setQueryData(consultationKeys.detail(id), consultation);
      await queryClient.invalidateQueries({ queryKey: consultationKeys.list });
    },
  });
}

export function useConsultationMutations(id: string) {
  const queryClient = useQueryClient();
  return {
    update: useConsultationWrite<{ body: z.input<typeof ZConsultationUpdateSchema> }>(id, 'PATCH', () => ''),
    presentation: useConsultationWrite<{ body: z.input<typeof ZPresentationSchema> }>(
      id,
      'PUT',
      () => '/presentation',
    ),
    session: useConsultationWrite<{ body: TConsultationSessionInput }>(id, 'POST', () => '/sessions'),
    draft: useConsultationWrite<{ body: { text: string } }>(id, 'POST', () => '/opinions'),
    edit: useConsultationWrite<{ opinionId: string; body: { text: string } }>(
      id,
      'PUT',
      (i) => `/opinions/${encodeURIComponent(i.opinionId)}`,
    ),
    approve: useConsultationWrite<{ opinionId: string }>(
      id,
      'POST',
      (i) => `/opinions/${encodeURIComponent(i.opinionId)}/approve`,
    ),
    close: useConsultationWrite<object>(id, 'POST', () => '/close'),
    convert: useMutation({
      mutationFn: () =>
        api(path(id, '/convert'), { method: 'POST', body: {}, schema: z.object({ caseId: ZIdSchema }) }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
    }),
  };
}
