import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZRateInputSchema } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireMediationCoordinator } from './mediation.policy.js';

/** Rates: the mediation coordinator all of them; a cooperative's coordinator their own (RLS). */
export async function listRates({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        organisation_id: string;
        organisation_name: string;
        in_person_cents: number;
        remote_cents: number;
        travel_cents_per_km: number;
        valid_from: string;
      }>(
        tx,
        sql`select r.organisation_id, o.name as organisation_name, r.in_person_cents, r.remote_cents,
                   r.travel_cents_per_km, r.valid_from::text as valid_from
              from mediation_rates r join organisations o on o.id = r.organisation_id
             order by o.name, r.valid_from desc`,
      );
      return {
        items: rows.map((r) => ({
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          inPersonCents: r.in_person_cents,
          remoteCents: r.remote_cents,
          travelCentsPerKm: r.travel_cents_per_km,
          validFrom: r.valid_from,
        })),
      };
    },
  });
}

export async function setRate({
  deps,
  ctx,
  organisationId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  organisationId: string;
  input: z.infer<typeof ZRateInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const [org] = await queryRows<{ id: string }>(
        tx,
        sql`select id from organisations where id = ${organisationId}`,
      );
      if (!org) throw problems.notFound();
      const added = await queryRows<{ id: string }>(
        tx,
        sql`insert into mediation_rates (organisation_id, in_person_cents, remote_cents, travel_cents_per_km, valid_from, created_by)
            values (${organisationId}, ${input.inPersonCents}, ${input.remoteCents}, ${input.travelCentsPerKm},
                    ${input.validFrom}, ${ctx.userId})
            on conflict (organisation_id, valid_from) do nothing returning id`,
      );
      // A rate once in force is never rewritten: logged hours keep theirs, a change starts on a new date.
      if (!added[0])
        throw problems.field('validFrom', 'exists', {
          it: 'Esiste già una tariffa da questa data: indicane una nuova.',
          en: 'A rate from this date exists already: give a new date.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.rate_set', details: { organisationId, validFrom: input.validFrom } },
      });
      return { organisationId, ...input };
    },
  });
}
