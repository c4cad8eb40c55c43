import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../contracts/common.js';
import { ZExportKindSchema } from '../../../contracts/exports.js';
import { type TExternalParticipant, ZPlaceSchema } from '../../../contracts/gatherings.js';
import { ZTrainingReportSchema } from '../../../contracts/observatory-statistics.js';
import {
  type TCourseInput,
  type TEditionInput,
  ZBulkIssueResultSchema,
  ZCalendarLinkSchema,
  ZCertificateSchema,
  ZCourseSchema,
  ZEditionPlacesSchema,
  ZEditionSchema,
  ZEnrolmentResultSchema,
  ZMyTrainingSchema,
  ZTrainingDashboardSchema,
} from '../../../contracts/training.js';
import { ZUserSchema } from '../../../contracts/users.js';
import { api, withQuery } from '../../api/client.js';

/** The training API (issue 17): catalogue, editions, registrations, certificates, dashboard. */
const enc = encodeURIComponent;

export const trainingKeys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  editions: (courseId: string) => ['training', 'editions', courseId] as const,
  edition: (id: string) => ['training', 'edition', id] as const,
  places: (editionId: string) => ['training', 'places', editionId] as const,
  certificates: (editionId: string) => ['training', 'certificates', editionId] as const,
  mine: ['training', 'mine'] as const,
  dashboard: (from?: string, to?: string) => ['training', 'dashboard', from ?? '', to ?? ''] as const,
};

export function useCourses() {
  return useQuery({
    queryKey: trainingKeys.courses,
    queryFn: () => api('/api/training/courses', { schema: z.array(ZCourseSchema) }),
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: trainingKeys.course(id),
    queryFn: () => api(`/api/training/courses/${enc(id)}`, { schema: ZCourseSchema }),
  });
}

const editionsQuery = (courseId: string) => ({
  queryKey: trainingKeys.editions(courseId),
  queryFn: () => api(`/api/training/courses/${enc(courseId)}/editions`, { schema: z.array(ZEditionSchema) }),
});

export function useEditions(courseId: string) {
  return useQuery(editionsQuery(courseId));
}

/** The editions of each course of the catalogue, by course. */
export function useEditionsOf(courseIds: readonly string[]) {
  return useQueries({ queries: courseIds.map(editionsQuery) });
}

export function useEdition(id: string) {
  return useQuery({
    queryKey: trainingKeys.edition(id),
    queryFn: () => api(`/api/training/editions/${enc(id)}`, { schema: ZEditionSchema }),
  });
}

export function usePlaces(editionId: string) {
  return useQuery({
    queryKey: trainingKeys.places(editionId),
    queryFn: () => api(`/api/training/editions/${enc(editionId)}/places`, { schema: ZEditionPlacesSchema }),
  });
}

export function useCertificates(editionId: string, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.certificates(editionId),
    queryFn: () =>
      api(`/api/training/editions/${enc(editionId)}/certificates`, { schema: z.array(ZCertificateSchema) }),
    enabled,
  });
}

export function useMyTraining() {
  return useQuery({
    queryKey: trainingKeys.mine,
    queryFn: () => api('/api/training/mine', { schema: ZMyTrainingSchema }),
  });
}

export function useDashboard(from?: string, to?: string) {
  return useQuery({
    queryKey: trainingKeys.dashboard(from, to),
    queryFn: () => api('/api/training/dashboard', { query: { from, to }, schema: ZTrainingDashboardSchema }),
  });
}

/** The observatory's training report: the findings a course may cite. */
export function useTrainingFindings(enabled = true) {
  return useQuery({
    queryKey: ['training', 'findings'],
    queryFn: () => api('/api/observatory/training-report', { schema: ZTrainingReportSchema }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The people a coordinator may enrol: the staff the users API shows them (their organisation). */
export function useStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['training', 'staff'],
    queryFn: () =>
      api('/api/users', { query: { pageSize: 100 }, schema: pageOf(ZUserSchema) }).then((page) =>
        page.items.filter((u) => !u.disabled),
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** Whether the viewer may ask for an export of this kind (the exports page makes it). */
export function useCanExport(kind: string) {
  const kinds = useQuery({
    queryKey: ['exports', 'kinds'],
    queryFn: () => api('/api/exports/kinds', { schema: z.array(ZExportKindSchema) }),
    staleTime: 5 * 60_000,
  });
  return kinds.data?.some((k) => k.kind === kind) ?? false;
}

export function useCourseMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: TCourseInput) =>
        api('/api/training/courses', { method: 'POST', body, schema: ZCourseSchema }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: TCourseInput }) =>
        api(`/api/training/courses/${enc(id)}`, { method: 'PUT', body, schema: ZCourseSchema }),
      onSuccess: refresh,
    }),
    createEdition: useMutation({
      mutationFn: ({ courseId, body }: { courseId: string; body: TEditionInput }) =>
        api(`/api/training/courses/${enc(courseId)}/editions`, {
          method: 'POST',
          body,
          schema: ZEditionSchema,
        }),
      onSuccess: refresh,
    }),
  };
}

/** Requests, enrolments and the moves of a place; each refreshes the edition and the lists. */
export function usePlaceMutations(editionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
  const base = `/api/training/editions/${enc(editionId)}`;
  const move = (action: 'cancel' | 'confirm') => (placeId: string) =>
    api(`/api/training/places/${enc(placeId)}/${action}`, { method: 'POST', schema: ZPlaceSchema });
  return {
    request: useMutation({
      mutationFn: (profession: string) =>
        api(`${base}/places`, { method: 'POST', body: { profession }, schema: ZEnrolmentResultSchema }),
      onSuccess: refresh,
    }),
    enrolStaff: useMutation({
      mutationFn: (body: { userId: string; profession: string }) =>
        api(`${base}/staff`, { method: 'POST', body, schema: ZEnrolmentResultSchema }),
      onSuccess: refresh,
    }),
    enrolExternal: useMutation({
      mutationFn: (body: TExternalParticipant) =>
        api(`${base}/externals`, { method: 'POST', body, schema: ZEnrolmentResultSchema }),
      onSuccess: refresh,
    }),
    cancel: useMutation({ mutationFn: move('cancel'), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: move('confirm'), onSuccess: refresh }),
    decide: useMutation({
      mutationFn: ({ placeId, approve }: { placeId: string; approve: boolean }) =>
        api(`/api/training/places/${enc(placeId)}/decision`, {
          method: 'POST',
          body: { approve },
          schema: ZPlaceSchema,
        }),
      onSuccess: refresh,
    }),
  };
}

export function useCertificateMutations(editionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.certificates(editionId) });
  return {
    issueAll: useMutation({
      mutationFn: () =>
        api(`/api/training/editions/${enc(editionId)}/certificates`, {
          method: 'POST',
          schema: ZBulkIssueResultSchema,
        }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api(`/api/training/certificates/${enc(id)}/revoke`, {
          method: 'POST',
          body: { reason },
        }),
      onSuccess: refresh,
    }),
  };
}

export function useCalendarLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/training/calendar-link', { method: 'POST', schema: ZCalendarLinkSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.mine }),
  });
}

/** Plain same-origin downloads (the session cookie goes with them). */
export const downloads = {
  calendar: (editionId: string) => `/api/training/editions/${enc(editionId)}/calendar.ics`,
  signatureSheet: (sessionId: string) => `/api/training/sessions/${enc(sessionId)}/signature-sheet`,
  certificatePdf: (id: string, lang: 'it' | 'en') =>
    withQuery(`/api/training/certificates/${enc(id)}/pdf`, { lang }),
  certificatesZip: (editionId: string, lang: 'it' | 'en') =>
    withQuery(`/api/training/editions/${enc(editionId)}/certificates.zip`, { lang }),
};
