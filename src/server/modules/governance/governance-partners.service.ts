import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TPartner,
  ZContactInputSchema,
  ZObligationEditSchema,
  ZObligationInputSchema,
  ZPartnerRolesInputSchema,
} from '../../../contracts/governance-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireGovernanceManager } from './governance.policy.js';
import { isGovernanceManager } from './governance-plan.repository.js';

/**
 * The partner directory (issue 21, item 7): the network's organisations with their role in each
 * work package, contacts and the agreement's obligations. Contacts are identifying: reading them
 * is audited (`governance.partner_contacts_read`, with the count); coordinators keep the directory.
 */

type Args = { deps: Deps; ctx: AccessContext };
type Role = TPartner['roles'][number];

export function listPartners({ deps, ctx }: Args) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{ id: string; name: string; roles: Role[]; open_obligations: number }>(
        tx,
        sql`select o.id, o.name,
                   coalesce((select json_agg(json_build_object('workPackage', r.work_package, 'role', r.role)
                                             order by r.work_package)
                               from governance_partner_roles r where r.organisation_id = o.id), '[]'::json) as roles,
                   (select count(*)::int from governance_obligations b
                     where b.organisation_id = o.id and b.status = 'open') as open_obligations
              from organisations o order by o.name, o.id`,
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          roles: r.roles,
          openObligations: r.open_obligations,
        })),
        canEdit: await isGovernanceManager(tx),
      };
    },
  });
}

async function loadPartner(tx: Tx, ctx: AccessContext, id: string): Promise<TPartner> {
  const [org] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from organisations where id = ${id}`,
  );
  if (!org) throw new OutOfScope('governance_partner', id);
  const roles = await queryRows<Role>(
    tx,
    sql`select work_package as "workPackage", role from governance_partner_roles
         where organisation_id = ${id} order by work_package`,
  );
  const contacts = await queryRows<TPartner['contacts'][number]>(
    tx,
    sql`select id, name, position, email, phone from governance_partner_contacts
         where organisation_id = ${id} order by name, id`,
  );
  const obligations = await queryRows<TPartner['obligations'][number]>(
    tx,
    sql`select id, text, due_on::text as "dueOn", status from governance_obligations
         where organisation_id = ${id} order by status, due_on nulls last, id`,
  );
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'governance.partner_contacts_read',
      recordType: 'governance_partner',
      recordId: id,
      details: { count: contacts.length },
    },
  });
  return { ...org, roles, contacts, obligations, canEdit: await isGovernanceManager(tx) };
}

export function getPartner({ deps, ctx, id }: Args & { id: string }) {
  return scoped({ db: deps.db, ctx, work: (tx) => loadPartner(tx, ctx, id) });
}

/** A coordinator's change to a partner's record, audited, answering the record as it now is. */
function change({ deps, ctx, id }: Args & { id: string }, what: string, work: (tx: Tx) => Promise<void>) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      const [org] = await queryRows(tx, sql`select 1 from organisations where id = ${id}`);
      if (!org) throw new OutOfScope('governance_partner', id);
      await work(tx);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.partner_saved',
          recordType: 'governance_partner',
          recordId: id,
          details: { what },
        },
      });
      return loadPartner(tx, ctx, id);
    },
  });
}

/** The partner's roles replace the previous ones (one per work package). */
export function setPartnerRoles(
  args: Args & { id: string; input: z.input<typeof ZPartnerRolesInputSchema> },
) {
  const { roles } = ZPartnerRolesInputSchema.parse(args.input);
  const seen = new Set(roles.map((r) => r.workPackage));
  if (seen.size !== roles.length)
    throw problems.field('roles', 'duplicate', {
      it: 'Un partner ha un solo ruolo per pacchetto di lavoro.',
      en: 'A partner has one role per work package.',
    });
  return change(args, 'roles', async (tx) => {
    await tx.execute(sql`delete from governance_partner_roles where organisation_id = ${args.id}`);
    for (const r of roles)
      await tx.execute(
        sql`insert into governance_partner_roles (organisation_id, work_package, role)
            values (${args.id}, ${r.workPackage}, ${r.role})`,
      );
  });
}

export function addContact(args: Args & { id: string; input: z.input<typeof ZContactInputSchema> }) {
  const c = ZContactInputSchema.parse(args.input);
  return change(args, 'contact_added', async (tx) => {
    await tx.execute(
      sql`insert into governance_partner_contacts (organisation_id, name, position, email, phone)
          values (${args.id}, ${c.name}, ${c.position}, ${c.email}, ${c.phone})`,
    );
  });
}

export function editContact(
  args: Args & { id: string; itemId: string; input: z.input<typeof ZContactInputSchema> },
) {
  const c = ZContactInputSchema.parse(args.input);
  return change(args, 'contact_edited', async (tx) => {
    const [row] = await queryRows(
      tx,
      sql`update governance_partner_contacts set name = ${c.name}, position = ${c.position}, email = ${c.email},
            phone = ${c.phone} where id = ${args.itemId} and organisation_id = ${args.id} returning id`,
    );
    if (!row) throw new OutOfScope('governance_partner', args.itemId);
  });
}

export function addObligation(args: Args & { id: string; input: z.input<typeof ZObligationInputSchema> }) {
  const o = ZObligationInputSchema.parse(args.input);
  return change(args, 'obligation_added', async (tx) => {
    await tx.execute(
      sql`insert into governance_obligations (organisation_id, text, due_on, status)
          values (${args.id}, ${o.text}, ${o.dueOn}, ${o.status})`,
    );
  });
}

export function editObligation(
  args: Args & { id: string; itemId: string; input: z.input<typeof ZObligationEditSchema> },
) {
  const o = ZObligationEditSchema.parse(args.input);
  return change(args, 'obligation_edited', async (tx) => {
    const [row] = await queryRows(
      tx,
      sql`update governance_obligations
             set text = coalesce(${o.text ?? null}, text),
                 due_on = ${o.dueOn === undefined ? sql`due_on` : sql`${o.dueOn}::date`},
                 status = coalesce(${o.status ?? null}, status)
           where id = ${args.itemId} and organisation_id = ${args.id} returning id`,
    );
    if (!row) throw new OutOfScope('governance_partner', args.itemId);
  });
}
