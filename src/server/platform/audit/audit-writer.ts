import { sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import { deferToCommit, literal } from '../db/request-transaction.js';
import type { AuditActor, AuditEvent } from './audit-events.js';

/**
 * Writes an event in the caller's transaction: it commits or rolls back with the change. In a
 * request's transaction on PostgreSQL the insert travels with the commit (one round trip less,
 * same transaction); everywhere else it runs at once.
 */
export async function writeAudit({
  tx,
  actor,
  event,
}: {
  tx: Queryable;
  actor: AuditActor;
  event: AuditEvent;
}) {
  if (deferToCommit(tx as Tx, actor.userId, () => auditInsertSql(actor, event))) return;
  // Only the columns written are named: id, xid and time come from their defaults.
  await tx.execute(sql`insert into audit_events (actor_user_id, actor_username, actor_role, acting_service_id,
      client_ip, action, outcome, record_type, record_id, purpose, details)
    values (${actor.userId}, ${actor.username}, ${actor.role}, ${actor.serviceId}, ${actor.clientIp}, ${event.action},
      ${event.outcome ?? 'success'}, ${event.recordType ?? null}, ${event.recordId ?? null}, ${event.purpose ?? null},
      ${event.details ? JSON.stringify(event.details) : null}::jsonb)`);
}

/**
 * Writes an event in its own transaction: for refusals and failures, whose request work is
 * rolled back but whose trace must stay.
 */
export async function writeAuditApart({
  db,
  actor,
  event,
}: {
  db: Db;
  actor: AuditActor;
  event: AuditEvent;
}) {
  await systemTransaction(db, (tx) => writeAudit({ tx, actor, event }));
}

/** The same insert as literal SQL, for the commit it travels with. */
function auditInsertSql(actor: AuditActor, event: AuditEvent) {
  return `insert into audit_events (actor_user_id, actor_username, actor_role, acting_service_id,
      client_ip, action, outcome, record_type, record_id, purpose, details)
    values (${literal(actor.userId)}, ${literal(actor.username)}, ${literal(actor.role)}, ${literal(actor.serviceId)},
      ${literal(actor.clientIp)}, ${literal(event.action)}, ${literal(event.outcome ?? 'success')},
      ${literal(event.recordType ?? null)}, ${literal(event.recordId ?? null)}, ${literal(event.purpose ?? null)},
      ${literal(event.details ? JSON.stringify(event.details) : null)}::jsonb)`;
}
