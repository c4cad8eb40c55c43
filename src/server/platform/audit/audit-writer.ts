import type { Db, Queryable } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import { auditEvents } from './audit.sql.js';
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
  await tx.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    actingServiceId: actor.serviceId,
    clientIp: actor.clientIp,
    action: event.action,
    outcome: event.outcome ?? 'success',
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    purpose: event.purpose ?? null,
    details: event.details ?? null,
  });
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
