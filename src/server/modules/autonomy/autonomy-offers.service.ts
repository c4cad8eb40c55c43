import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TOffer,
  type TPlan,
  ZEnrolmentInputSchema,
  ZEnrolmentUpdateSchema,
  ZOfferInputSchema,
  type ZOfferListQuerySchema,
} from '../../../contracts/autonomy.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { actingService } from '../cases/cases.policy.js';
import {
  isAutonomyWorker,
  requireActivePlan,
  requireAutonomyWorker,
  requireKeeper,
  requireKnown,
  requirePlan,
  unknownField,
} from './autonomy.policy.js';
import { loadPlanView } from './autonomy-plans.repository.js';
import { changePlan } from './autonomy-plans.service.js';

/**
 * The partners' offers catalogue and the enrolments of plans' people in them (issue 20, item 1).
 * Everyone with autonomy.read reads the catalogue; the autonomy workers of the service that keeps
 * an offer change it. A place is taken with one conditional update of the offer's counter (as the
 * owner: `enrolled` is out of the request role's reach) and given back once, when the enrolment
 * ends; the database's check (enrolled between 0 and places) is the backstop.
 */

type OfferQuery = z.infer<typeof ZOfferListQuerySchema>;
type OfferInput = z.input<typeof ZOfferInputSchema>;

/** The offers as the catalogue shows them; names of providers read as the owner (names only). */
async function loadOffers(tx: Tx, ctx: AccessContext, where: SQL): Promise<TOffer[]> {
  const worker = await isAutonomyWorker(tx);
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{
      id: string;
      service_id: string;
      title: string;
      kind: TOffer['kind'];
      topic: TOffer['topic'];
      description: string | null;
      provider_id: string;
      provider_name: string;
      is_holder: boolean;
      languages: string[];
      schedule: string | null;
      municipality: string | null;
      municipality_name: string | null;
      places: number;
      enrolled: number;
      prerequisites: string | null;
      cost_cents: number;
      starts_on: string | null;
      ends_on: string | null;
      active: boolean;
    }>(
      sys,
      sql`select o.id, o.service_id, o.title, o.kind, o.topic, o.description,
                 coalesce(o.provider_organisation_id, o.provider_holder_id) as provider_id,
                 coalesce(org.name, h.name, '') as provider_name, o.provider_holder_id is not null as is_holder,
                 o.languages, o.schedule, o.municipality, m.name as municipality_name, o.places, o.enrolled,
                 o.prerequisites, o.cost_cents, o.starts_on::text, o.ends_on::text, o.active
            from autonomy_offers o
            left join organisations org on org.id = o.provider_organisation_id
            left join community_holders h on h.id = o.provider_holder_id
            left join municipalities m on m.istat_code = o.municipality
           where ${where}
           order by o.active desc, o.title, o.id
           limit 500`,
    ),
  );
  return rows.map((o) => ({
    id: o.id,
    title: o.title,
    kind: o.kind,
    topic: o.topic,
    description: o.description,
    provider: { id: o.provider_id, name: o.provider_name, isHolder: o.is_holder },
    languages: o.languages,
    schedule: o.schedule,
    municipality: o.municipality,
    municipalityName: o.municipality_name,
    places: o.places,
    enrolled: o.enrolled,
    prerequisites: o.prerequisites,
    costCents: o.cost_cents,
    startsOn: o.starts_on,
    endsOn: o.ends_on,
    active: o.active,
    canEdit: worker && ctx.serviceId === o.service_id,
  }));
}

export async function listOffers({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: OfferQuery;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const filters: SQL[] = [sql`true`];
      if (query.kind) filters.push(sql`o.kind = ${query.kind}`);
      if (query.topic) filters.push(sql`o.topic = ${query.topic}`);
      if (query.language) filters.push(sql`o.languages @> ${sqlArray([query.language])}`);
      if (query.active) filters.push(sql`o.active = ${query.active === 'true'}`);
      const items = await loadOffers(tx, ctx, sql.join(filters, sql` and `));
      return { items, canCreate: await isAutonomyWorker(tx) };
    },
  });
}

/** The provider (an organisation or a community holder) and the comune must exist. */
function judgeOffer(tx: Tx, o: z.output<typeof ZOfferInputSchema>) {
  return requireKnown(tx, {
    providerOrganisationId:
      o.providerOrganisationId && sql`select 1 from organisations where id = ${o.providerOrganisationId}`,
    providerHolderId:
      o.providerHolderId && sql`select 1 from community_holders where id = ${o.providerHolderId} and active`,
    municipality: o.municipality && sql`select 1 from municipalities where istat_code = ${o.municipality}`,
  });
}

async function offerSaved(tx: Tx, ctx: AccessContext, id: string) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action: 'autonomy.offer_saved', recordType: 'autonomy_offer', recordId: id },
  });
  const [offer] = await loadOffers(tx, ctx, sql`o.id = ${id}`);
  return offer!;
}

export async function createOffer({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: OfferInput;
}) {
  const o = ZOfferInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireAutonomyWorker(tx);
      const serviceId = actingService(ctx);
      await judgeOffer(tx, o);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into autonomy_offers (service_id, title, kind, topic, description, provider_organisation_id,
              provider_holder_id, languages, schedule, municipality, places, prerequisites, cost_cents, starts_on,
              ends_on, active, created_by)
            values (${serviceId}, ${o.title}, ${o.kind}, ${o.topic}, ${o.description}, ${o.providerOrganisationId},
              ${o.providerHolderId}, ${sqlArray(o.languages)}, ${o.schedule}, ${o.municipality}, ${o.places},
              ${o.prerequisites}, ${o.costCents}, ${o.startsOn}, ${o.endsOn}, ${o.active}, ${ctx.userId})
            returning id`,
      );
      return offerSaved(tx, ctx, row!.id);
    },
  });
}

export async function updateOffer({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: OfferInput;
}) {
  const o = ZOfferInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [offer] = await queryRows<{ service_id: string }>(
        tx,
        sql`select service_id from autonomy_offers where id = ${id}`,
      );
      if (!offer) throw new OutOfScope('autonomy_offer', id);
      await requireKeeper(tx, ctx, offer.service_id, {
        it: 'Questa offerta è curata da un altro servizio Autonomia e abitare.',
        en: 'This offer is kept by another autonomy and housing service.',
      });
      await judgeOffer(tx, o);
      // One statement: the places never drop below the people enrolled, whoever enrols meanwhile.
      const [updated] = await queryRows<{ id: string }>(
        tx,
        sql`update autonomy_offers set title = ${o.title}, kind = ${o.kind}, topic = ${o.topic},
              description = ${o.description}, provider_organisation_id = ${o.providerOrganisationId},
              provider_holder_id = ${o.providerHolderId}, languages = ${sqlArray(o.languages)},
              schedule = ${o.schedule}, municipality = ${o.municipality}, places = ${o.places},
              prerequisites = ${o.prerequisites}, cost_cents = ${o.costCents}, starts_on = ${o.startsOn},
              ends_on = ${o.endsOn}, active = ${o.active}, updated_at = now()
            where id = ${id} and enrolled <= ${o.places}
            returning id`,
      );
      if (!updated)
        throw problems.field(
          'places',
          'below-enrolled',
          {
            it: 'I posti non possono essere meno delle persone già iscritte.',
            en: 'The places cannot be fewer than the people already enrolled.',
          },
          409,
        );
      return offerSaved(tx, ctx, id);
    },
  });
}

// ── Enrolments ──────────────────────────────────────────────────────────────────────────────────

const offerFull = (it: string, en: string) => problems.field('offerId', 'full', { it, en }, 409);

/** Enrols the plan's person in an offer: a place taken with one conditional update, or a 409. */
export async function enrol({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: z.input<typeof ZEnrolmentInputSchema>;
}): Promise<TPlan> {
  const { offerId } = ZEnrolmentInputSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx) => {
      const [live] = await queryRows<{ id: string }>(
        tx,
        sql`select id from autonomy_enrolments where plan_id = ${planId} and offer_id = ${offerId} and status = 'enrolled'`,
      );
      if (live)
        throw offerFull(
          'La persona è già iscritta a questa offerta.',
          'The person is already enrolled in this offer.',
        );
      const taken = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(
          sys,
          sql`update autonomy_offers set enrolled = enrolled + 1
               where id = ${offerId} and active and enrolled < places returning id`,
        ),
      );
      if (taken.length === 0) {
        const [offer] = await queryRows<{ active: boolean }>(
          tx,
          sql`select active from autonomy_offers where id = ${offerId}`,
        );
        if (!offer) throw problems.fields([unknownField('offerId')]);
        if (!offer.active) throw offerFull('L’offerta non è più attiva.', 'The offer is no longer active.');
        throw offerFull('L’offerta non ha più posti liberi.', 'The offer has no free places left.');
      }
      const id = crypto.randomUUID();
      try {
        await tx.execute(
          sql`insert into autonomy_enrolments (id, plan_id, offer_id, enrolled_by)
              values (${id}, ${planId}, ${offerId}, ${ctx.userId})`,
        );
      } catch (error) {
        // Two enrolments of the same person at once: the second one finds the first (the place it
        // took is given back with the rollback).
        if (pgErrorCode(error) === '23505')
          throw offerFull(
            'La persona è già iscritta a questa offerta.',
            'The person is already enrolled in this offer.',
          );
        throw error;
      }
      return { action: 'autonomy.enrolled', details: { enrolmentId: id, offerId } };
    },
  });
}

/**
 * Records an enrolment's outcome. Leaving `enrolled` (completed, dropped) gives the place back,
 * once: the status changes with a conditional update, and only the statement that changed it
 * gives the place back. A finished enrolment may have its outcome corrected, never be reopened.
 */
export async function updateEnrolment({
  deps,
  ctx,
  enrolmentId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  enrolmentId: string;
  input: z.input<typeof ZEnrolmentUpdateSchema>;
}): Promise<TPlan> {
  const e = ZEnrolmentUpdateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{
        plan_id: string;
        offer_id: string;
        status: string;
        enrolled_on: string;
      }>(
        tx,
        sql`select plan_id, offer_id, status, enrolled_on::text from autonomy_enrolments where id = ${enrolmentId}`,
      );
      if (!row) throw new OutOfScope('autonomy_enrolment', enrolmentId);
      // Read through RLS, the enrolment's plan is one the caller reads; writing it is another matter.
      const plan = await requirePlan({ tx, planId: row.plan_id });
      if (!plan.writable) throw new OutOfScope('autonomy_enrolment', enrolmentId);
      requireActivePlan(plan);
      if (e.status === 'enrolled' && row.status !== 'enrolled')
        throw problems.field(
          'status',
          'finished',
          {
            it: 'Un’iscrizione conclusa non si riapre: iscrivi di nuovo la persona.',
            en: 'A finished enrolment is not reopened: enrol the person again.',
          },
          409,
        );
      if (e.outcomeOn && e.outcomeOn < row.enrolled_on)
        throw problems.field('outcomeOn', 'before-enrolment', {
          it: 'L’esito non può venire prima dell’iscrizione.',
          en: 'The outcome cannot come before the enrolment.',
        });
      const ended = await queryRows<{ id: string }>(
        tx,
        sql`update autonomy_enrolments set status = ${e.status}, certificate = ${e.certificate},
              outcome_on = ${e.status === 'enrolled' ? null : e.outcomeOn}
            where id = ${enrolmentId} and status = 'enrolled' and ${e.status} <> 'enrolled'
            returning id`,
      );
      if (ended.length > 0)
        await unsafeAsSystem(tx, (sys) =>
          sys.execute(
            sql`update autonomy_offers set enrolled = enrolled - 1 where id = ${row.offer_id} and enrolled > 0`,
          ),
        );
      else if (row.status !== 'enrolled')
        await tx.execute(
          sql`update autonomy_enrolments set status = ${e.status}, certificate = ${e.certificate},
                outcome_on = ${e.outcomeOn}
              where id = ${enrolmentId} and status <> 'enrolled'`,
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'autonomy.enrolment_updated',
          recordType: 'autonomy_enrolment',
          recordId: enrolmentId,
          details: { status: e.status, certificate: e.certificate },
        },
      });
      return loadPlanView({ tx, keyring: deps.keyring, plan });
    },
  });
}
