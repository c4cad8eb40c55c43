import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZCaseListItemSchema } from '../../../contracts/cases.js';
import { keysetPageOf } from '../../../contracts/keyset.js';
import {
  type TPhase,
  type TQuestionnaireInput,
  ZCompetenceResultSchema,
  ZQuestionnaireSchema,
  ZResponseReceiptSchema,
  ZSurveyResultSchema,
} from '../../../contracts/questionnaires.js';
import { type TFieldLogInput, ZFieldLogEntrySchema, ZFieldLogSchema } from '../../../contracts/training.js';
import { api } from '../../api/client.js';

/** Questionnaires, competence gain and the field log of training (issue 17 §5, §6). */
const enc = encodeURIComponent;

export const questionnaireKeys = {
  all: ['training', 'questionnaires'] as const,
  list: (courseId?: string) => ['training', 'questionnaires', 'list', courseId ?? ''] as const,
  ofEdition: (editionId: string) => ['training', 'questionnaires', 'edition', editionId] as const,
  competence: (editionId: string) => ['training', 'questionnaires', 'competence', editionId] as const,
  survey: (id: string) => ['training', 'questionnaires', 'survey', id] as const,
  fieldLog: (editionId: string) => ['training', 'field-log', editionId] as const,
};

/** A course's questionnaires (its competence questionnaire), or every one (the services survey). */
export function useQuestionnaires(courseId?: string) {
  return useQuery({
    queryKey: questionnaireKeys.list(courseId),
    queryFn: () =>
      api('/api/training/questionnaires', { query: { courseId }, schema: z.array(ZQuestionnaireSchema) }),
  });
}

/** The competence questionnaire an edition's participants answer (404 when the course has none). */
/** The questionnaire of an external participant, reached by their personal link (no sign-in). */
export function useExternalQuestionnaire(token: string) {
  return useQuery({
    queryKey: ['training', 'personal-questionnaire', token],
    queryFn: () =>
      api(`/api/training/personal/${enc(token)}/questionnaire`, { schema: ZQuestionnaireSchema }),
    retry: false,
  });
}

export function useEditionQuestionnaire(editionId: string, enabled = true) {
  return useQuery({
    queryKey: questionnaireKeys.ofEdition(editionId),
    queryFn: () =>
      api(`/api/training/editions/${enc(editionId)}/questionnaire`, { schema: ZQuestionnaireSchema }),
    enabled,
    retry: false,
  });
}

export function useCompetence(editionId: string) {
  return useQuery({
    queryKey: questionnaireKeys.competence(editionId),
    queryFn: () =>
      api(`/api/training/editions/${enc(editionId)}/competence`, { schema: ZCompetenceResultSchema }),
  });
}

export function useSurveyResult(questionnaireId: string) {
  return useQuery({
    queryKey: questionnaireKeys.survey(questionnaireId),
    queryFn: () =>
      api(`/api/training/questionnaires/${enc(questionnaireId)}/results`, { schema: ZSurveyResultSchema }),
  });
}

/** The survey's trainers close it: no more answers, and its results are given from then on. */
export function useCloseSurvey(questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/api/training/questionnaires/${enc(questionnaireId)}/close`, {
        method: 'POST',
        schema: ZQuestionnaireSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useCreateQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TQuestionnaireInput) =>
      api('/api/training/questionnaires', { method: 'POST', body, schema: ZQuestionnaireSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.all }),
  });
}

/** Where the answers go: an edition's competence questionnaire, or the services survey. */
export type AnswerTarget = { editionId: string } | { questionnaireId: string } | { personalToken: string };

export function useAnswer(target: AnswerTarget) {
  const path =
    'editionId' in target
      ? `/api/training/editions/${enc(target.editionId)}/responses`
      : 'personalToken' in target
        ? `/api/training/personal/${enc(target.personalToken)}/responses`
        : `/api/training/questionnaires/${enc(target.questionnaireId)}/responses`;
  return useMutation({
    mutationFn: (body: { phase: TPhase; code: string; answers: number[] }) =>
      api(path, { method: 'POST', body, schema: ZResponseReceiptSchema }),
  });
}

export function useFieldLog(editionId: string) {
  return useQuery({
    queryKey: questionnaireKeys.fieldLog(editionId),
    queryFn: () => api(`/api/training/editions/${enc(editionId)}/field-log`, { schema: ZFieldLogSchema }),
  });
}

export function useFieldLogMutations(editionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.fieldLog(editionId) });
  return {
    write: useMutation({
      mutationFn: (body: TFieldLogInput) =>
        api(`/api/training/editions/${enc(editionId)}/field-log`, {
          method: 'POST',
          body,
          schema: ZFieldLogEntrySchema,
        }),
      onSuccess: refresh,
    }),
    feedback: useMutation({
      mutationFn: ({ id, feedback }: { id: string; feedback: string }) =>
        api(`/api/training/field-log/${enc(id)}/feedback`, {
          method: 'PUT',
          body: { feedback },
          schema: ZFieldLogEntrySchema,
        }),
      onSuccess: refresh,
    }),
  };
}

/**
 * The open cases on whose team the user is (lead or member): the work list the practitioner reads,
 * filtered to their own team. Only these may be linked to a field-log entry.
 */
export function useMyOpenCases(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['training', 'my-cases', userId],
    queryFn: () =>
      api('/api/cases', {
        query: { status: 'open', workerId: userId, pageSize: 100 },
        schema: keysetPageOf(ZCaseListItemSchema),
      }).then((page) => page.items),
    enabled,
    staleTime: 60_000,
  });
}
