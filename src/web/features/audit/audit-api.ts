import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  pageOf,
  type TAuditResult,
  ZAuditActionSchema,
  ZAuditActorSuggestionSchema,
  ZAuditEventSchema,
  ZAuditRecordSuggestionSchema,
  ZAuditSuggestQuerySchema,
  ZChainStatusSchema,
  ZRecordAccessSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { minLengthOf } from '../../ui/forms/limits.js';

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  code?: string | undefined;
  recordId?: string | undefined;
  result?: TAuditResult | undefined;
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

/** The vocabulary of actions with their words; it changes only with a new release. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => api('/api/audit/actions', { schema: z.array(ZAuditActionSchema) }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useChainStatus() {
  return useQuery({
    queryKey: ['audit', 'chain-status'],
    queryFn: () => api('/api/audit/chain-status', { schema: ZChainStatusSchema }),
  });
}

export interface RecordAccessSearch {
  code?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
}

export function useRecordAccess(search: RecordAccessSearch) {
  return useQuery({
    queryKey: ['audit', 'record-access', search],
    queryFn: () => api('/api/audit/record-access', { query: { ...search }, schema: ZRecordAccessSchema }),
    enabled: Boolean(search.code || (search.recordType && search.recordId)),
  });
}

const SUGGEST_FROM = minLengthOf(ZAuditSuggestQuerySchema.shape.q);

/** The typed text once typing pauses, so suggestions are not asked for at every key. */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useActorSuggestions(typed: string) {
  const q = useSettled(typed.trim());
  return useQuery({
    queryKey: ['audit', 'actors', q],
    queryFn: () => api('/api/audit/actors', { query: { q }, schema: z.array(ZAuditActorSuggestionSchema) }),
    enabled: q.length >= SUGGEST_FROM,
    staleTime: 60_000,
  });
}

export function useRecordSuggestions(typed: string) {
  const q = useSettled(typed.trim());
  return useQuery({
    queryKey: ['audit', 'records', q],
    queryFn: () => api('/api/audit/records', { query: { q }, schema: z.array(ZAuditRecordSuggestionSchema) }),
    enabled: q.length >= SUGGEST_FROM,
    staleTime: 60_000,
  });
}
