import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZRequestAnswerSchema, ZRestrictionLiftSchema } from '../../../contracts/privacy-requests.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { loadRow, requestsOf } from './privacy-requests.service.js';
import { auditPrivacy, caseErasure } from './privacy-shared.js';

/**
 * The DPO's answer to a request (issue 23, item 3). A rectification granted is applied to the
 * person's record, with its history; a restriction granted marks the record, which the database then
 * keeps from changes, referrals and sessions until the DPO lifts it with a reason (art. 18(3)). The
 * request, the record and the audit move in one transaction: nothing is half answered.
 */
const ANSWERED = { it: 'La richiesta ha già una risposta.', en: 'The request has been answered.' };

export async function answerRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZRequestAnswerSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadRow(tx, id);
      if (row.status !== 'open') throw problems.conflict(ANSWERED);
      const granted = input.status === 'answered';
      if (input.corrections && !(row.kind === 'rectification' && granted))
        throw problems.field('corrections', 'not_a_rectification', {
          it: 'Le correzioni si applicano solo a una richiesta di rettifica accolta.',
          en: 'Corrections apply only to a rectification granted.',
        });
      const corrected =
        input.corrections && granted
          ? await unsafeAsSystem(tx, (sys) =>
              caseErasure().rectify({
                tx: sys,
                personId: row.person_id,
                corrections: input.corrections!,
                actor: actorOf(ctx),
              }),
            )
          : [];
      if (row.kind === 'restriction' && granted)
        await unsafeAsSystem(tx, (sys) =>
          caseErasure().restrict({ tx: sys, personId: row.person_id, on: true }),
        );
      const changed = await queryRows<{ id: string }>(
        tx,
        sql`update privacy_requests set status = ${input.status}, outcome = ${input.outcome}, answered_at = now()
             where id = ${id} and status = 'open' returning id`,
      );
      if (changed.length === 0) throw problems.conflict(ANSWERED);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.request_answered',
        recordType: 'privacy_request',
        recordId: id,
        details: {
          status: input.status,
          ...(corrected.length > 0 ? { corrected } : {}),
          ...(row.kind === 'restriction' && granted ? { restricted: true } : {}),
        },
      });
      return (await requestsOf(tx, [await loadRow(tx, id)]))[0]!;
    },
  });
}

export async function liftRestriction({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZRestrictionLiftSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadRow(tx, id);
      if (row.kind !== 'restriction' || row.status !== 'answered' || row.restriction_lifted_at)
        throw problems.conflict({
          it: 'Non c’è una limitazione in corso da revocare per questa richiesta.',
          en: 'This request has no restriction in force to lift.',
        });
      // Another restriction granted to the same person and still in force keeps the mark.
      const [other] = await queryRows<{ id: string }>(
        tx,
        sql`select id from privacy_requests where person_id = ${row.person_id} and id <> ${id}
             and kind = 'restriction' and status = 'answered' and restriction_lifted_at is null limit 1`,
      );
      if (!other)
        await unsafeAsSystem(tx, (sys) =>
          caseErasure().restrict({ tx: sys, personId: row.person_id, on: false }),
        );
      await tx.execute(sql`update privacy_requests set restriction_lifted_at = now(), restriction_lift_reason = ${input.reason}
          where id = ${id}`);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.restriction_lifted',
        recordType: 'privacy_request',
        recordId: id,
      });
      return (await requestsOf(tx, [await loadRow(tx, id)]))[0]!;
    },
  });
}
