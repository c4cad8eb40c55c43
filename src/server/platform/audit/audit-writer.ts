import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { AuditActor, AuditEvent } from './audit-events.js';

/** Writes an event in the caller's transaction: it commits or rolls back with the change. */
export async function writeAudit({
  tx,
  actor,
  event,
}: {
  tx: Queryable;
  actor: AuditActor;
  event: AuditEvent;
}) {
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
