import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { noteVersionContext } from './case-services.repository.js';
import {
  caseFollowups,
  caseServices,
  sessionNoteVersions,
  sessionOutsideParticipants,
} from './case-services.sql.js';
import { caseSessions, sessionStaff } from './cases.sql.js';
import { noteContext } from './sessions.repository.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dayAgo = (days: number) => ago(days).toISOString().slice(0, 10);

/**
 * Services, follow-ups and sessions as they happened (issue 22, items 3-4), on the ethnoclinical
 * team's first open demo case: two services, a follow-up due soon and one done, the demo sessions
 * held, a missed one with its reason, a note edited once, the referring social worker attending.
 */
export async function seedDemoCaseServices({ tx, keyring, serviceIds, userIds }: DemoSeedContext) {
  const user = (key: string) => userIds.get(key)!;
  // Sessions recorded in the past by the demo took place; those to come stay scheduled.
  await tx.execute(
    sql`update case_sessions set status = 'held', held_at = starts_at where starts_at <= now() and status = 'scheduled'`,
  );
  const [demo] = await queryRows<{ id: string; opened_at: Date; referral_id: string }>(
    tx,
    sql`select id, opened_at, referral_id from cases where service_id = ${serviceIds.get('etnoclinica')!}
          and status = 'open' and lead_user_id = ${user('responsabile')} order by opened_at limit 1`,
  );
  if (!demo) return;
  const caseId = demo.id;
  const [mother] = await queryRows<{ id: string }>(
    tx,
    sql`select p.id from referral_people rp join people p on p.id = rp.person_id
        where rp.referral_id = ${demo.referral_id} and p.case_role = 'victim' limit 1`,
  );
  const [mediation] = await tx
    .insert(caseServices)
    .values([
      {
        caseId,
        personId: mother?.id ?? null,
        type: 'b6',
        providerOrganisation: 'Consultorio familiare di Treviglio',
        startedOn: dayAgo(40),
        hours: 12,
        status: 'active',
        note: 'Incontri quindicinali di sostegno alla genitorialità.',
        createdBy: user('responsabile'),
      },
      {
        caseId,
        type: 'b1',
        providerUserId: user('clinica'),
        startedOn: dayAgo(30),
        endedOn: dayAgo(5),
        hours: 8,
        status: 'ended',
        createdBy: user('responsabile'),
      },
    ])
    .returning({ id: caseServices.id });
  await tx.insert(caseFollowups).values([
    {
      caseId,
      serviceId: mediation!.id,
      what: 'Sentire il consultorio sull’andamento degli incontri',
      dueOn: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10),
      assignedTo: user('responsabile'),
      createdBy: user('responsabile'),
    },
    {
      caseId,
      what: 'Verificare l’iscrizione del figlio al centro diurno',
      dueOn: dayAgo(12),
      assignedTo: user('clinica'),
      doneAt: ago(10),
      doneBy: user('clinica'),
      outcome: 'Iscrizione confermata; frequenza tre pomeriggi a settimana.',
      createdBy: user('responsabile'),
    },
  ]);
  // A session the family missed, with its reason.
  const missedId = randomUUID();
  await tx.insert(caseSessions).values({
    id: missedId,
    caseId,
    kind: 'consultation',
    startsAt: ago(14),
    durationMinutes: 60,
    place: 'service',
    language: 'ar',
    createdBy: user('responsabile'),
    status: 'missed',
    statusReason: 'La famiglia non si è presentata; richiamata il giorno dopo.',
  });
  await tx.insert(sessionStaff).values({ sessionId: missedId, userId: user('responsabile') });
  // The held session: its mediation note edited once, the referring social worker attending.
  const [held] = await queryRows<{ id: string }>(
    tx,
    sql`select id from case_sessions where case_id = ${caseId} and status = 'held' order by starts_at limit 1`,
  );
  if (!held) return;
  const [note] = await queryRows<{ id: string; body_encrypted: string }>(
    tx,
    sql`select id, body_encrypted from session_notes where session_id = ${held.id} and section = 'mediation'`,
  );
  if (note) {
    const versionId = randomUUID();
    const before = decryptField({ keyring, value: note.body_encrypted, context: noteContext(note.id) });
    await tx.insert(sessionNoteVersions).values({
      id: versionId,
      noteId: note.id,
      bodyEncrypted: encryptField({ keyring, plaintext: before, context: noteVersionContext(versionId) }),
      editedBy: user('responsabile'),
      editedAt: ago(1),
    });
    const after = `${before} La madre chiede che il prossimo incontro si tenga con la stessa mediatrice.`;
    await tx.execute(
      sql`update session_notes set body_encrypted = ${encryptField({ keyring, plaintext: after, context: noteContext(note.id) })},
            edited_at = ${ago(1)}, edited_by = ${user('responsabile')} where id = ${note.id}`,
    );
  }
  // The referring social worker, the referral's sender: a name on the session, no case_team row.
  const [referrer] = await queryRows<{ id: string; display_name: string; service_name: string }>(
    tx,
    sql`select u.id, u.display_name, sv.name as service_name from referrals r join users u on u.id = r.created_by
        join services sv on sv.id = r.from_service_id where r.id = ${demo.referral_id}`,
  );
  if (referrer)
    await tx.insert(sessionOutsideParticipants).values({
      sessionId: held.id,
      role: 'referring_professional',
      userId: referrer.id,
      name: referrer.display_name,
      organisation: referrer.service_name,
      addedBy: user('responsabile'),
    });
}
