import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/index.js';
import {
  type TCourtOrder,
  type TCourtReport,
  type TOwnCaseCreate,
  type ZCourtOrderCreateSchema,
  ZCourtOrderSchema,
  type ZCourtOrderUpdateSchema,
  type ZCourtReportDraftSchema,
  ZCourtReportSchema,
  type ZCourtReportSentSchema,
  type ZCourtReportUpdateSchema,
  ZDeadlineSchema,
  ZPendingCourtReportSchema,
} from '../../../contracts/tutela.js';
import { api } from '../../api/client.js';
import { caseKeys } from './cases-api.js';

/** Tutela Minori's own cases, court orders with their deadlines, and reports to the court. */
export type DeadlineScope = 'team' | 'supervised';

export const courtKeys = {
  orders: (caseId: string) => ['cases', 'court-orders', caseId] as const,
  reports: (caseId: string) => ['cases', 'court-reports', caseId] as const,
  deadlines: (scope: DeadlineScope) => ['court-deadlines', scope] as const,
  pending: ['court-reports', 'pending'] as const,
};

const casePath = (id: string, rest: string) => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** A case opened by the service with the mandate; the answer names the new case. */
export function useOwnCaseCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOwnCaseCreate) =>
      api('/api/cases', { method: 'POST', body, schema: z.object({ caseId: ZIdSchema }) }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}

export function useCourtOrders(caseId: string) {
  return useQuery({
    queryKey: courtKeys.orders(caseId),
    queryFn: () => api(casePath(caseId, '/court-orders'), { schema: z.array(ZCourtOrderSchema) }),
  });
}

export function useCourtReports(caseId: string) {
  return useQuery({
    queryKey: courtKeys.reports(caseId),
    queryFn: () => api(casePath(caseId, '/court-reports'), { schema: z.array(ZCourtReportSchema) }),
  });
}

export function useCourtDeadlines(scope: DeadlineScope) {
  return useQuery({
    queryKey: courtKeys.deadlines(scope),
    queryFn: () => api('/api/court-deadlines', { query: { scope }, schema: z.array(ZDeadlineSchema) }),
  });
}

/** Reports waiting for the coordinator's approval, across the services supervised (no text). */
export function usePendingCourtReports() {
  return useQuery({
    queryKey: courtKeys.pending,
    queryFn: () => api('/api/court-reports/pending', { schema: z.array(ZPendingCourtReportSchema) }),
  });
}

/** What else a change of the court record moves: the work list, Home's reminders, the timeline. */
function useRefreshAround(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [['court-deadlines'], ['home'], courtKeys.pending, caseKeys.timeline(caseId)].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/**
 * Every change to an order or a deadline answers with all the case's orders: they replace the
 * cached ones (no second, audited read).
 */
export function useCourtOrderMutations(caseId: string) {
  const queryClient = useQueryClient();
  const around = useRefreshAround(caseId);
  const done = (orders: TCourtOrder[]) => {
    queryClient.setQueryData(courtKeys.orders(caseId), orders);
    return around();
  };
  const schema = z.array(ZCourtOrderSchema);
  return {
    create: useMutation({
      mutationFn: (body: z.output<typeof ZCourtOrderCreateSchema>) =>
        api(casePath(caseId, '/court-orders'), { method: 'POST', body, schema }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ orderId, body }: { orderId: string; body: z.output<typeof ZCourtOrderUpdateSchema> }) =>
        api(casePath(caseId, `/court-orders/${encodeURIComponent(orderId)}`), {
          method: 'PATCH',
          body,
          schema,
        }),
      onSuccess: done,
    }),
    met: useMutation({
      mutationFn: ({ deadlineId, metAt }: { deadlineId: string; metAt: string }) =>
        api(casePath(caseId, `/court-deadlines/${encodeURIComponent(deadlineId)}/met`), {
          method: 'POST',
          body: { metAt },
          schema,
        }),
      onSuccess: done,
    }),
  };
}

/**
 * A report's steps answer with the report: it replaces its cached copy. Sending one meets the
 * order's report deadline and schedules the next, so the orders are read again then.
 */
export function useCourtReportMutations(caseId: string) {
  const queryClient = useQueryClient();
  const around = useRefreshAround(caseId);
  const put = (report: TCourtReport) =>
    queryClient.setQueryData<TCourtReport[]>(courtKeys.reports(caseId), (list) =>
      list?.some((r) => r.id === report.id)
        ? list.map((r) => (r.id === report.id ? report : r))
        : [...(list ?? []), report],
    );
  const done = (report: TCourtReport) => {
    put(report);
    return around();
  };
  const reportPath = (reportId: string, rest = '') =>
    casePath(caseId, `/court-reports/${encodeURIComponent(reportId)}${rest}`);
  const step = (rest: string) => (reportId: string) =>
    // A POST without a body still sends `{}`: the server then reads an empty object, not nothing.
    api(reportPath(reportId, rest), { method: 'POST', body: {}, schema: ZCourtReportSchema });
  return {
    draft: useMutation({
      mutationFn: (body: z.output<typeof ZCourtReportDraftSchema>) =>
        api(casePath(caseId, '/court-reports'), { method: 'POST', body, schema: ZCourtReportSchema }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({
        reportId,
        body,
      }: {
        reportId: string;
        body: z.output<typeof ZCourtReportUpdateSchema>;
      }) => api(reportPath(reportId), { method: 'PATCH', body, schema: ZCourtReportSchema }),
      onSuccess: done,
    }),
    submit: useMutation({ mutationFn: step('/submit'), onSuccess: done }),
    approve: useMutation({ mutationFn: step('/approve'), onSuccess: done }),
    sendBack: useMutation({
      mutationFn: ({ reportId, reason }: { reportId: string; reason: string }) =>
        api(reportPath(reportId, '/return'), {
          method: 'POST',
          body: { reason },
          schema: ZCourtReportSchema,
        }),
      onSuccess: done,
    }),
    sent: useMutation({
      mutationFn: ({ reportId, body }: { reportId: string; body: z.output<typeof ZCourtReportSentSchema> }) =>
        api(reportPath(reportId, '/sent'), { method: 'POST', body, schema: ZCourtReportSchema }),
      onSuccess: async (report: TCourtReport) => {
        put(report);
        await Promise.all([queryClient.invalidateQueries({ queryKey: courtKeys.orders(caseId) }), around()]);
      },
    }),
  };
}

/** The report's PDF (Italian, watermarked, audited): a plain link the browser downloads. */
export const reportPdfUrl = (caseId: string, reportId: string) =>
  casePath(caseId, `/court-reports/${encodeURIComponent(reportId)}/pdf`);

/** A document attached to a draft report: sent as the browser's own form (multipart), one file. */
export function useAttachReportFile(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reportId, file }: { reportId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      // The browser writes the multipart body and its boundary; the client sends it as it is.
      const encoded = new Response(form);
      const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
      return api(casePath(caseId, `/court-reports/${encodeURIComponent(reportId)}/files`), {
        method: 'POST',
        rawBody: { data: await encoded.blob(), contentType },
        schema: z.object({ id: z.string() }),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courtKeys.reports(caseId) }),
  });
}

export { useFileLink } from '../../api/file-link.js';
