import { sql } from 'drizzle-orm';
import type { TEventInput } from '../../../contracts/community.js';
import { MEDIATION_LIMITS, ZRequestInputSchema } from '../../../contracts/mediation.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { createRequest } from '../mediation/mediation-requests.service.js';

/**
 * "Mediator needed": an event created with a mediator language asks the mediation module for a
 * mediator at its first session, through the mediation module's own service (its rules, matching
 * and audit apply, as the creating worker). The request is best effort: the event stands whatever
 * the mediation service answers — no mediation service active, the worker not allowed to ask, a
 * first session already past or too far ahead — and then keeps no request (`mediatorLanguage` set
 * with `mediationRequestId` null tells the organiser to arrange the mediator another way).
 * It runs after the event's own transaction, since the mediation service opens its own.
 */
export async function requestEventMediator({
  deps,
  ctx,
  eventId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  eventId: string;
  input: TEventInput;
}): Promise<string | null> {
  if (!input.mediatorLanguage || !ctx.permissions.has('mediation.request')) return null;
  const first = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
  const minutes = Math.round((Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000);
  const contact = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [me] = await queryRows<{ display_name: string; phone: string | null; email: string | null }>(
        tx,
        sql`select display_name, phone, email from users where id = ${ctx.userId}`,
      );
      return [me?.display_name, me?.phone ?? me?.email].filter(Boolean).join(', ');
    },
  });
  const request = ZRequestInputSchema.safeParse({
    language: input.mediatorLanguage,
    startsAt: first.startsAt,
    durationMinutes: Math.min(Math.max(minutes, MEDIATION_LIMITS.minutes.min), MEDIATION_LIMITS.minutes.max),
    mode: 'in_person',
    municipality: input.municipality,
    place: first.place ?? null,
    // A community event is none of the casework purposes: "other", charged to WP3 (community engagement).
    purpose: 'other',
    workPackage: 'wp3',
    requesterContact: (contact || ctx.username).slice(0, MEDIATION_LIMITS.contact),
    notes: `Evento di comunità / Community event: ${input.title}`.slice(0, MEDIATION_LIMITS.notes),
  });
  if (!request.success) return null;
  let requestId: string;
  try {
    requestId = (await createRequest({ deps, ctx, input: request.data })).id;
  } catch (error) {
    if (error instanceof HttpProblem) return null;
    throw error;
  }
  await scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      tx.execute(sql`update community_events set mediation_request_id = ${requestId} where id = ${eventId}`),
  });
  return requestId;
}
