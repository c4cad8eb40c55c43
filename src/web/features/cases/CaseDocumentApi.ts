import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TCaseDocumentFields,
  type TDocumentAttachedKind,
  type THandoverProposal,
  ZCaseDocumentCreatedSchema,
  ZCaseDocumentSchema,
  ZHandoverSchema,
  ZReferralReasonSchema,
} from '../../../contracts/case-documents.js';
import { api } from '../../api/client.js';
import { caseKeys } from './cases-api.js';

/** Documents, hand-over, the referral's reason and the printed summary (issue 22, items 6-7). */
export const documentKeys = {
  ofCase: (caseId: string) => ['cases', 'documents', caseId] as const,
  handovers: (caseId: string) => ['cases', 'handovers', caseId] as const,
  mine: ['cases', 'handovers', 'mine'] as const,
  reason: (caseId: string) => ['cases', 'referral-reason', caseId] as const,
};

const casePath = (id: string, rest: string) => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** Where a list of documents is read from: a case (with its sessions and household) or a consultation. */
export interface DocumentScope {
  key: readonly unknown[];
  path: string;
}

export const documentScopes = {
  ofCase: (caseId: string): DocumentScope => ({
    key: documentKeys.ofCase(caseId),
    path: casePath(caseId, '/documents'),
  }),
  ofConsultation: (id: string): DocumentScope => ({
    key: ['consultations', 'documents', id],
    path: `/api/consultations/${encodeURIComponent(id)}/documents`,
  }),
};

export function useDocuments(scope: DocumentScope) {
  return useQuery({
    queryKey: scope.key,
    queryFn: () => api(scope.path, { schema: z.array(ZCaseDocumentSchema) }),
  });
}

/** One document: the form's fields first, then the file (the server reads them in that order). */
export function useAddDocument(scope: DocumentScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      kind,
      id,
      fields,
      file,
    }: {
      kind: TDocumentAttachedKind;
      id: string;
      fields: TCaseDocumentFields;
      file: File;
    }) => {
      const form = new FormData();
      form.append('documentClass', fields.documentClass);
      form.append('title', fields.title);
      form.append('file', file, file.name);
      const encoded = new Response(form);
      const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
      return api(`/api/case-documents/${kind}/${encodeURIComponent(id)}`, {
        method: 'POST',
        rawBody: { data: await encoded.blob(), contentType },
        schema: ZCaseDocumentCreatedSchema,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scope.key }),
  });
}

export function useRemoveDocument(scope: DocumentScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/case-documents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scope.key }),
  });
}

export function useHandovers(caseId: string) {
  return useQuery({
    queryKey: documentKeys.handovers(caseId),
    queryFn: () => api(casePath(caseId, '/handovers'), { schema: z.array(ZHandoverSchema) }),
  });
}

export function useMyHandovers() {
  return useQuery({
    queryKey: documentKeys.mine,
    queryFn: () => api('/api/handovers/mine', { schema: z.array(ZHandoverSchema) }),
  });
}

export function useReferralReason(caseId: string) {
  return useQuery({
    queryKey: documentKeys.reason(caseId),
    queryFn: () => api(casePath(caseId, '/referral-reason'), { schema: ZReferralReasonSchema }),
  });
}

/** Proposing, answering and withdrawing: the case, its hand-overs and the inbox are read again. */
export function useHandoverActions(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: documentKeys.handovers(caseId) });
    await queryClient.invalidateQueries({ queryKey: documentKeys.mine });
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  };
  const status = z.object({ status: z.string() });
  return {
    propose: useMutation({
      mutationFn: (input: THandoverProposal) =>
        api(casePath(caseId, '/handovers'), {
          method: 'POST',
          body: input,
          schema: z.object({ id: z.string() }),
        }),
      onSuccess: refresh,
    }),
    answer: useMutation({
      mutationFn: ({ handoverId, answer }: { handoverId: string; answer: 'accept' | 'decline' }) =>
        api(casePath(caseId, `/handovers/${encodeURIComponent(handoverId)}/answer`), {
          method: 'POST',
          body: { answer },
          schema: status,
        }),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (handoverId: string) =>
        api(casePath(caseId, `/handovers/${encodeURIComponent(handoverId)}/withdraw`), {
          method: 'POST',
          schema: status,
        }),
      onSuccess: refresh,
    }),
  };
}

/** The printed summary's address: a download the browser makes itself (audited by the server). */
export const caseSummaryUrl = (caseId: string) => casePath(caseId, '/summary.pdf');
