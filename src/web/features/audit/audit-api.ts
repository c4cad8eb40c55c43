import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  pageOf,
  ZAuditEventSchema,
  ZChainStatusSchema,
  ZRecordAccessSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';

export interface AuditFilters {
  actorUserId?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  outcome?: 'success' | 'denied' | 'failure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: () =>
      api('/api/audit/events', {
        query: { ...filters, pageSize: AUDIT_PAGE_SIZE },
        schema: pageOf(ZAuditEventSchema),
      }),
    placeholderData: (previous) => previous,
  });
}

export function useChainStatus() {
  return useQuery({
    queryKey: ['audit', 'chain-status'],
    queryFn: () => api('/api/audit/chain-status', { schema: ZChainStatusSchema }),
  });
}

export function useRecordAccess(recordType?: string, recordId?: string) {
  return useQuery({
    queryKey: ['audit', 'record-access', recordType, recordId],
    queryFn: () =>
      api('/api/audit/record-access', {
        query: { recordType, recordId },
        schema: z.array(ZRecordAccessSchema),
      }),
    enabled: Boolean(recordType && recordId),
  });
}
