import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TAttendeeInput,
  TConsultationSessionInput,
  ZPresentationSchema,
} from '../../../contracts/consultations.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import type { ConsultationAccess } from './consultations.policy.js';
import { referralPeopleNames, serviceUsers } from './consultations.repository.js';
import {
  advanced,
  advanceTo,
  auditConsultation,
  readConsultation,
  requireBasis,
  requireWorkable,
} from './consultations.service.js';
import { consultationAttendance, consultationSessions, consultations } from './consultations.sql.js';

/**
 * Before the family arrives the team presents the case and agrees the axes; then the sessions, with
 * who sat in the circle in which role (MISSION.md, "How an ethnoclinical consultation runs").
 */
export function savePresentation({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZPresentationSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      await requireBasis({ tx, found });
      const status = advanced(found.status, 'presentation');
      await tx
        .update(consultations)
        .set({ presentationSummary: input.summary, axes: input.axes, status, updatedAt: new Date() })
        .where(eq(consultations.id, found.id));
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.presented',
        id,
        details: { axes: input.axes.length },
      });
      return readConsultation({ tx, found: { ...found, status } });
    },
  });
}

const fieldError = (index: number, field: string, it: string, en: string): FieldError => ({
  field: `attendees.${index}.${field}`,
  code: 'invalid',
  message: { it, en },
});

/**
 * Each role names its attendee its own way: the lead and co-therapists are users of the consulting
 * service, a family member is a person of the referral, a first-line professional is a name, a role
 * and an organisation (or a user of the requesting service: recorded, never given access).
 */
async function checkAttendees({
  tx,
  found,
  attendees,
}: {
  tx: Tx;
  found: ConsultationAccess;
  attendees: TAttendeeInput[];
}) {
  const team = new Set((await serviceUsers({ tx, serviceId: found.serviceId })).map((u) => u.id));
  const family = new Set((await referralPeopleNames({ tx, referralId: found.referralId })).map((p) => p.id));
  const requesterUsers = new Set(
    (await serviceUsers({ tx, serviceId: found.requestingServiceId })).map((u) => u.id),
  );
  // Read as the owner: the mediation registry is the mediation coordinator's; only whether a user is in it.
  const mediatorIds = attendees.flatMap((a) => (a.role === 'mediator' && a.userId ? [a.userId] : []));
  const mediators = new Set(
    mediatorIds.length === 0
      ? []
      : (
          await unsafeAsSystem(tx, (sys) =>
            queryRows<{ user_id: string }>(
              sys,
              sql`select m.user_id from mediators m join users u on u.id = m.user_id
                  where u.disabled_at is null and m.user_id in (${uuidList(mediatorIds)})`,
            ),
          )
        ).map((r) => r.user_id),
  );
  const errors: FieldError[] = [];
  attendees.forEach((a, i) => {
    if (a.role === 'lead_therapist' || a.role === 'co_therapist') {
      if (!a.userId || !team.has(a.userId))
        errors.push(
          fieldError(i, 'userId', 'Scegli una persona dell’équipe.', 'Choose someone of the team.'),
        );
      if (a.role === 'co_therapist' && !a.profession)
        errors.push(fieldError(i, 'profession', 'Indica la professione.', 'Give the profession.'));
    } else if (a.role === 'mediator') {
      if (!a.name && !a.userId)
        errors.push(fieldError(i, 'name', 'Indica il nome del mediatore.', 'Give the mediator’s name.'));
      // A mediator recorded as a user is one the mediation registry knows; otherwise by name only.
      if (a.userId && !mediators.has(a.userId))
        errors.push(
          fieldError(i, 'userId', 'Scegli un mediatore del registro.', 'Choose a mediator of the registry.'),
        );
      if (!a.language) errors.push(fieldError(i, 'language', 'Indica la lingua.', 'Give the language.'));
    } else if (a.role === 'family_member') {
      if (!a.personId || !family.has(a.personId))
        errors.push(
          fieldError(
            i,
            'personId',
            'Scegli una persona del nucleo inviato.',
            'Choose a person of the referred household.',
          ),
        );
    } else {
      if (a.userId && !requesterUsers.has(a.userId))
        errors.push(
          fieldError(
            i,
            'userId',
            'Non fa parte del servizio che ha chiesto la consulenza.',
            'Not of the requesting service.',
          ),
        );
      if (!a.userId && !a.name) errors.push(fieldError(i, 'name', 'Indica il nome.', 'Give the name.'));
      if (!a.professionalRole)
        errors.push(
          fieldError(
            i,
            'professionalRole',
            'Indica il ruolo (assistente sociale, educatore, insegnante…).',
            'Give the role (social worker, educator, teacher…).',
          ),
        );
    }
  });
  if (!attendees.some((a) => a.role === 'lead_therapist'))
    errors.push({
      field: 'attendees',
      code: 'lead-required',
      message: { it: 'Manca il terapeuta referente.', en: 'The lead therapist is missing.' },
    });
  if (errors.length) throw problems.fields(errors);
}

export function recordSession({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TConsultationSessionInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      await requireBasis({ tx, found });
      await checkAttendees({ tx, found, attendees: input.attendees });
      const [session] = await tx
        .insert(consultationSessions)
        .values({
          consultationId: found.id,
          heldOn: input.heldOn,
          durationMinutes: input.durationMinutes,
          place: input.place,
          familyExplanation: input.familyExplanation ?? null,
          hypotheses: input.hypotheses ?? null,
          feedback: input.feedback ?? null,
          nextAppointmentOn: input.nextAppointmentOn ?? null,
          createdBy: ctx.userId,
        })
        .returning({ id: consultationSessions.id });
      await tx.insert(consultationAttendance).values(
        input.attendees.map((a) => ({
          sessionId: session!.id,
          role: a.role,
          userId: a.userId ?? null,
          personId: a.personId ?? null,
          name: a.name ?? null,
          profession: a.role === 'co_therapist' ? (a.profession ?? null) : null,
          language: a.language ?? null,
          professionalRole: a.professionalRole ?? null,
          organisation: a.organisation ?? null,
        })),
      );
      const status = await advanceTo({ tx, found, target: 'in_sessions' });
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.session_recorded',
        id,
        details: { sessionId: session!.id, attendees: input.attendees.length },
      });
      return readConsultation({ tx, found: { ...found, status } });
    },
  });
}
