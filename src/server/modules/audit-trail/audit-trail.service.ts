import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TAuditEvent,
  TAuditRecord,
  TAuditResult,
  TRecordAccess,
  ZAuditQuerySchema,
  ZRecordAccessQuerySchema,
} from '../../../contracts/audit.js';
import type { TAddressForm } from '../../../contracts/auth.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { auditEvents } from '../../platform/audit/audit.sql.js';
import { auditLabelOf, auditLabels } from '../../platform/audit/audit-labels.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { type Queryable, queryRows, uuidList } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import {
  actorMatches,
  describeRecords,
  findByCode,
  likePattern,
  recordKey,
  recordsWithCode,
} from './audit-trail.records.js';

type AuditQuery = z.output<typeof ZAuditQuerySchema>;

/**
 * A wrong password or code is a refusal (the DPO's word for it), like a denied access; a `failure`
 * of anything else is something that went wrong. One rule, for the column and for the filter.
 */
const REFUSED_AUTH = sql`(${auditEvents.outcome} = 'failure' and ${auditEvents.action} like 'auth.%')`;
const RESULT_FILTER: Record<TAuditResult, SQL> = {
  succeeded: sql`${auditEvents.outcome} = 'success'`,
  refused: sql`(${auditEvents.outcome} = 'denied' or ${REFUSED_AUTH})`,
  failed: sql`(${auditEvents.outcome} = 'failure' and not ${REFUSED_AUTH})`,
};

function resultOf(outcome: string, action: string): TAuditResult {
  if (outcome === 'success') return 'succeeded';
  if (outcome === 'denied' || action.startsWith('auth.')) return 'refused';
  return 'failed';
}

function filtersOf(q: AuditQuery): SQL[] {
  const filters: SQL[] = [];
  if (q.actorUserId) filters.push(eq(auditEvents.actorUserId, q.actorUserId));
  if (q.actor) {
    // A known user by name, or the name typed at a failed sign-in (kept as typed, no user behind it).
    filters.push(sql`(${auditEvents.actorUserId} in (select users.id from users where ${actorMatches(q.actor)})
      or ${auditEvents.actorUsername} like lower(${`%${likePattern(q.actor)}%`}) escape '\\')`);
  }
  if (q.action) filters.push(sql`${auditEvents.action} like ${`${likePattern(q.action)}%`}`);
  if (q.recordType) filters.push(eq(auditEvents.recordType, q.recordType));
  if (q.recordId) filters.push(eq(auditEvents.recordId, q.recordId));
  if (q.code)
    filters.push(sql`(${auditEvents.recordType}, ${auditEvents.recordId}) in (${recordsWithCode(q.code)})`);
  if (q.result) filters.push(RESULT_FILTER[q.result]);
  if (q.from) filters.push(gte(auditEvents.occurredAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to)
    filters.push(lt(auditEvents.occurredAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  return filters;
}

interface Person {
  name: string;
  addressForm: TAddressForm;
}

/** Names (and forms of address) of the users among `ids`, as the caller reads them: the DPO reads every user. */
async function peopleOf(tx: Queryable, ids: readonly (string | null)[]) {
  const known = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!known.length) return new Map<string, Person>();
  const rows = await queryRows<{ id: string } & Person>(
    tx,
    sql`select id::text as id, display_name as name, address_form as "addressForm" from users
      where id in (${uuidList(known)})`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, addressForm: r.addressForm }]));
}

function actorOfRow(people: Map<string, Person>, userId: string | null) {
  const person = userId ? people.get(userId) : undefined;
  return { actorName: person?.name ?? null, actorAddressForm: person?.addressForm ?? null };
}

/** The DPO's search of the trail, in words; the search itself is audited (who watched the watchers). */
export function searchEvents({ deps, ctx, q }: { deps: Deps; ctx: AccessContext; q: AuditQuery }) {
  const filters = filtersOf(q);
  const where = filters.length ? and(...filters) : undefined;
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(auditEvents).where(where);
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const people = await peopleOf(
        tx,
        rows.map((r) => r.actorUserId),
      );
      const records = await describeRecords(
        tx,
        rows.flatMap((r) => (r.recordType && r.recordId ? [{ type: r.recordType, id: r.recordId }] : [])),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'audit.searched',
          recordType: 'audit_trail',
          details: { filters: Object.keys(q).filter((k) => k !== 'page' && k !== 'pageSize') },
        },
      });
      const items: TAuditEvent[] = rows.map((r) => ({
        id: r.id.toString(),
        occurredAt: r.occurredAt.toISOString(),
        actorUserId: r.actorUserId,
        actorUsername: r.actorUsername,
        ...actorOfRow(people, r.actorUserId),
        actorRole: r.actorRole,
        actingServiceId: r.actingServiceId,
        action: r.action,
        actionLabel: auditLabelOf(r.action),
        outcome: r.outcome as TAuditEvent['outcome'],
        result: resultOf(r.outcome, r.action),
        recordType: r.recordType,
        recordId: r.recordId,
        record:
          r.recordType && r.recordId
            ? (records.get(recordKey(r.recordType, r.recordId)) ?? null)
            : r.recordType
              ? { type: r.recordType, label: null, visible: true }
              : null,
        purpose: r.purpose,
        clientIp: r.clientIp,
        chainSeq: r.chainSeq?.toString() ?? null,
      }));
      return { items, page: q.page, pageSize: q.pageSize, total: Number(total) };
    },
  });
}

const CODE_NOT_FOUND = {
  it: 'Nessun dato che puoi vedere ha questo codice o nome utente.',
  en: 'No record you can see has this code or username.',
};

/**
 * Who accessed a record (Garante 2015: the data subject may ask). Asked by code, the answer covers
 * every record that reads with that code (a household with its people, consents and referrals; a
 * case with its sessions), as the trail shows them.
 */
export function recordAccess({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.output<typeof ZRecordAccessQuerySchema>;
}): Promise<TRecordAccess> {
  const { code, recordType, recordId } = query;
  if (!code && !(recordType && recordId))
    throw problems.field('code', 'required', {
      it: 'Scrivi il codice del dato o il nome utente.',
      en: 'Enter the record code or the username.',
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const target = code ? await findByCode(tx, code) : { type: recordType!, id: recordId! };
      if (!target) throw problems.field('code', 'not_found', CODE_NOT_FOUND, 404);
      const which = code
        ? sql`(${auditEvents.recordType}, ${auditEvents.recordId}) in (${recordsWithCode(code)})`
        : and(eq(auditEvents.recordType, target.type), eq(auditEvents.recordId, target.id));
      const rows = await tx
        .select({
          actorUserId: auditEvents.actorUserId,
          actorUsername: auditEvents.actorUsername,
          actorRole: auditEvents.actorRole,
          actions: sql<string[]>`array_agg(distinct ${auditEvents.action} order by ${auditEvents.action})`,
          firstAt: sql<string>`min(${auditEvents.occurredAt})`,
          lastAt: sql<string>`max(${auditEvents.occurredAt})`,
          count: sql<number>`count(*)::int`,
        })
        .from(auditEvents)
        .where(which)
        .groupBy(auditEvents.actorUserId, auditEvents.actorUsername, auditEvents.actorRole)
        .orderBy(sql`max(${auditEvents.occurredAt}) desc`);
      const people = await peopleOf(
        tx,
        rows.map((r) => r.actorUserId),
      );
      const record: TAuditRecord = (await describeRecords(tx, [target])).get(
        recordKey(target.type, target.id),
      )!;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'audit.record_access_viewed', recordType: target.type, recordId: target.id },
      });
      return {
        record,
        rows: rows.map((r) => ({
          ...r,
          ...actorOfRow(people, r.actorUserId),
          actions: r.actions.map((action) => ({ action, label: auditLabelOf(action) })),
          firstAt: new Date(r.firstAt).toISOString(),
          lastAt: new Date(r.lastAt).toISOString(),
        })),
      };
    },
  });
}

/** Every action of the vocabulary with its words, for the DPO's list of actions. */
export function auditActionList() {
  return Object.entries(auditLabels()).map(([action, label]) => ({ action, label }));
}
