import { sql } from 'drizzle-orm';
import { type TOpportunityMove, ZOpportunityMoveSchema } from '../../../contracts/fundraising.js';
import { OPPORTUNITY_NEXT } from '../../../contracts/governance-codes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { auditFundraising, fieldError, STAGE_WORDS } from './governance-fundraising-shared.js';
import { loadOpportunity } from './governance-opportunities.service.js';

/**
 * Moving an opportunity through the pipeline (OPPORTUNITY_NEXT). The move is one conditional
 * UPDATE on the stage the form saw: of two concurrent moves one wins, the other is told in words.
 * Money received also becomes a line of the complementary-resources ledger, in the same
 * transaction, and the opportunity keeps that line's id.
 */

const illegalMove = (from: keyof typeof STAGE_WORDS, to: keyof typeof STAGE_WORDS) =>
  new HttpProblem(
    409,
    'illegal-move',
    { it: 'Passaggio non consentito', en: 'Move not allowed' },
    {
      it: `Un’opportunità «${STAGE_WORDS[from].it}» non può diventare «${STAGE_WORDS[to].it}».`,
      en: `An opportunity that is "${STAGE_WORDS[from].en}" cannot become "${STAGE_WORDS[to].en}".`,
    },
  );

const movedMeanwhile = () =>
  problems.conflict({
    it: 'Qualcun altro ha appena spostato questa opportunità: ricarica la pagina e riprova.',
    en: 'Someone else has just moved this opportunity: reload the page and try again.',
  });

/** The ledger's line for the money received, recorded by the caller (0045 lets fundraising insert it). */
async function recordReceivedMoney(
  tx: Tx,
  ctx: AccessContext,
  moved: { id: string; title: string; funder_name: string; received_cents: number; received_on: string },
) {
  const [line] = await queryRows<{ id: string }>(
    tx,
    sql`insert into community_resources (source_kind, source_name, kind, description, quantity, unit, value_cents,
          valuation_rule, offered_on, recorded_by)
        values ('funder', ${moved.funder_name}, 'money', ${moved.title}, ${moved.received_cents / 100}, 'euro',
          ${moved.received_cents}, 'cash', ${moved.received_on}, ${ctx.userId})
        returning id`,
  );
  await tx.execute(sql`update governance_opportunities set resource_id = ${line!.id} where id = ${moved.id}`);
  await auditFundraising(tx, ctx, 'fundraising.resource_recorded', 'governance_opportunity', moved.id, {
    resourceId: line!.id,
    kind: 'money',
  });
}

export async function moveOpportunity({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TOpportunityMove;
}) {
  const m = ZOpportunityMoveSchema.parse(input);
  if (!OPPORTUNITY_NEXT[m.from].includes(m.to)) throw illegalMove(m.from, m.to);
  if (m.to === 'received' && m.receivedCents === 0)
    throw problems.fields([
      fieldError(
        'receivedCents',
        'zero',
        'Indica l’importo ricevuto: più di zero euro.',
        'Give the amount received: more than zero euros.',
      ),
    ]);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [current] = await queryRows<{ stage: string; pledged_cents: string | null }>(
        tx,
        sql`select stage, pledged_cents from governance_opportunities where id = ${id}`,
      );
      if (!current) throw new OutOfScope('governance_opportunity', id);
      if (m.to === 'pledged' && m.pledgedCents === null && current.pledged_cents === null)
        throw problems.fields([
          fieldError(
            'pledgedCents',
            'required',
            'Indica l’importo promesso: è obbligatorio dalla fase «promessa» in poi.',
            'Give the amount pledged: it is required from the pledged stage on.',
          ),
        ]);
      const received = m.to === 'received';
      // The one statement that moves: only from the stage the form saw.
      const [moved] = await queryRows<{
        id: string;
        title: string;
        funder_name: string;
        received_cents: string;
        received_on: string;
      }>(
        tx,
        sql`update governance_opportunities o set stage = ${m.to},
              pledged_cents = coalesce(${m.pledgedCents}::bigint, o.pledged_cents),
              received_cents = ${received ? m.receivedCents : null}::bigint,
              received_on = ${received ? m.receivedOn : null}::date,
              updated_at = now()
            from governance_funders f
            where o.id = ${id} and o.stage = ${m.from} and f.id = o.funder_id
            returning o.id, o.title, f.name as funder_name, o.received_cents, o.received_on::text as received_on`,
      );
      // Not at the stage the form saw: moved by someone else (now, or since the page was loaded).
      if (!moved) throw movedMeanwhile();
      await tx.execute(
        sql`insert into governance_opportunity_moves (opportunity_id, from_stage, to_stage, moved_by)
            values (${id}, ${m.from}, ${m.to}, ${ctx.userId})`,
      );
      await auditFundraising(tx, ctx, 'fundraising.opportunity_moved', 'governance_opportunity', id, {
        from: m.from,
        to: m.to,
      });
      if (received)
        await recordReceivedMoney(tx, ctx, { ...moved, received_cents: Number(moved.received_cents) });
      return loadOpportunity(deps, tx, id);
    },
  });
}
