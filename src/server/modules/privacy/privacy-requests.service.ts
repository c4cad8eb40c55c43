import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REQUEST_EXTENSION_MAX_MONTHS,
  type TRequest,
  type ZRequestExtensionSchema,
  type ZRequestInputSchema,
} from '../../../contracts/privacy-requests.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import { accessCopyPdf, type CopyPart } from './privacy-access-copy.js';
import { auditPrivacy, caseErasure, TODAY } from './privacy-shared.js';

/**
 * Data subjects' requests (issue 23, item 3): the DPO records who asked what, how their identity
 * was checked and when it arrived; the month to answer runs from there (art. 12(3)), extendable by
 * up to two months with a reason. Only the DPO reads a request (RLS).
 */
export interface RequestRow {
  id: string;
  kind: TRequest['kind'];
  household_id: string;
  person_id: string;
  subject_name: string;
  identity_check: string;
  received_on: string;
  due_on: string;
  extended_to: string | null;
  extension_reason: string | null;
  details: string | null;
  status: TRequest['status'];
  outcome: string | null;
  answered_at: Date | null;
  restriction_lifted_at: Date | null;
  restriction_lift_reason: string | null;
  created_by: string;
  overdue: boolean;
}

const REQUEST_SELECT = sql`select r.id, r.kind, r.household_id, r.person_id, r.subject_name, r.identity_check,
    r.received_on::text, r.due_on::text, r.extended_to::text, r.extension_reason, r.details, r.status, r.outcome,
    r.answered_at, r.restriction_lifted_at, r.restriction_lift_reason, u.display_name as created_by,
    (r.status = 'open' and coalesce(r.extended_to, r.due_on) < ${TODAY}) as overdue
  from privacy_requests r join users u on u.id = r.created_by`;

export async function requestsOf(tx: Tx, rows: RequestRow[]): Promise<TRequest[]> {
  const codes = await unsafeAsSystem(tx, (sys) =>
    caseErasure().codesOf({ tx: sys, ids: [...new Set(rows.map((r) => r.household_id))] }),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    householdCode: codes.get(r.household_id) ?? '',
    subjectName: r.subject_name,
    identityCheck: r.identity_check,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    extendedTo: r.extended_to,
    extensionReason: r.extension_reason,
    details: r.details,
    status: r.status,
    outcome: r.outcome,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    restrictionInForce:
      r.kind === 'restriction' && r.status === 'answered' && r.restriction_lifted_at === null,
    restrictionLiftedAt: r.restriction_lifted_at ? new Date(r.restriction_lifted_at).toISOString() : null,
    restrictionLiftReason: r.restriction_lift_reason,
    createdBy: r.created_by,
    overdue: r.overdue,
  }));
}

export async function loadRow(tx: Tx, id: string) {
  const [row] = await queryRows<RequestRow>(tx, sql`${REQUEST_SELECT} where r.id = ${id}`);
  if (!row) throw new OutOfScope('privacy_request', id);
  return row;
}

export async function listRequests({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<RequestRow>(
        tx,
        sql`${REQUEST_SELECT} order by (r.status = 'open') desc, r.received_on desc limit 500`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.requests_listed',
        recordType: 'privacy_request',
        details: { count: rows.length },
      });
      return requestsOf(tx, rows);
    },
  });
}

export async function recordRequest({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZRequestInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [{ today }] = (await queryRows<{ today: string }>(tx, sql`select ${TODAY}::text as today`)) as [
        { today: string },
      ];
      if (input.receivedOn > today) {
        throw problems.field('receivedOn', 'in_future', {
          it: 'La richiesta non può arrivare nel futuro.',
          en: 'The request cannot arrive in the future.',
        });
      }
      // The DPO reads no case: the person is found as the system, by the code and the exact names.
      const person = await unsafeAsSystem(tx, (sys) => caseErasure().findPerson({ tx: sys, ...input }));
      if (person === 'ambiguous') {
        throw problems.field('birthYear', 'ambiguous', {
          it: 'Nel nucleo più persone hanno questo nome e cognome: indica l’anno di nascita.',
          en: 'More than one person of the household has this name: give the year of birth.',
        });
      }
      if (!person) {
        throw problems.field('householdCode', 'person_not_found', {
          it: 'Nel nucleo con questo codice non c’è una persona con questo nome e cognome.',
          en: 'The household with this code has no person with this given and family name.',
        });
      }
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into privacy_requests (kind, household_id, person_id, subject_name, identity_check, received_on, due_on,
              details, created_by)
            values (${input.kind}, ${person.householdId}, ${person.personId}, ${person.name}, ${input.identityCheck},
              ${input.receivedOn}, (${input.receivedOn}::date + interval '1 month')::date, ${input.details}, ${ctx.userId})
            returning id`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.request_recorded',
        recordType: 'privacy_request',
        recordId: row!.id,
        details: { kind: input.kind },
      });
      return (await requestsOf(tx, [await loadRow(tx, row!.id)]))[0]!;
    },
  });
}

export async function extendRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZRequestExtensionSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadRow(tx, id);
      if (row.status !== 'open')
        throw problems.conflict({
          it: 'La richiesta ha già una risposta.',
          en: 'The request has been answered.',
        });
      // Art. 12(3): the person is told of an extension within the month, and it is given once.
      if (row.extended_to)
        throw problems.conflict({
          it: 'La richiesta è già stata prorogata.',
          en: 'The request was already extended.',
        });
      const [{ late }] = (await queryRows<{ late: boolean }>(
        tx,
        sql`select ${row.due_on}::date < ${TODAY} as late`,
      )) as [{ late: boolean }];
      if (late)
        throw problems.field('extendedTo', 'too_late', {
          it: 'Il mese per rispondere è già passato: la proroga andava comunicata entro la scadenza.',
          en: 'The month to answer has passed: an extension had to be given before the deadline.',
        });
      const [{ latest }] = (await queryRows<{ latest: string }>(
        tx,
        sql`select (${row.due_on}::date + make_interval(months => ${REQUEST_EXTENSION_MAX_MONTHS}))::date::text as latest`,
      )) as [{ latest: string }];
      if (input.extendedTo <= row.due_on || input.extendedTo > latest) {
        throw problems.field('extendedTo', 'extension_out_of_bounds', {
          it: `La proroga va oltre la scadenza e al massimo fino al ${italianDay(latest)} (due mesi).`,
          en: `The extension goes past the deadline and at most to ${latest} (two months).`,
        });
      }
      await tx.execute(
        sql`update privacy_requests set extended_to = ${input.extendedTo}, extension_reason = ${input.reason} where id = ${id}`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.request_extended',
        recordType: 'privacy_request',
        recordId: id,
        details: { extendedTo: input.extendedTo },
      });
      return (await requestsOf(tx, [await loadRow(tx, id)]))[0]!;
    },
  });
}

/** The person's copy for an access request, as PDF: what is held, what is withheld and why, who read it. */
export async function accessCopy({
  deps,
  ctx,
  id,
  part,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  part: CopyPart;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadRow(tx, id);
      if (row.kind !== 'access') {
        throw problems.conflict({
          it: 'La copia dei dati si prepara per le richieste di accesso.',
          en: 'The copy of the data is made for access requests.',
        });
      }
      const copy = await unsafeAsSystem(tx, (sys) =>
        caseErasure().subjectAccess({ tx: sys, personId: row.person_id }),
      );
      const body = await accessCopyPdf({ tx, request: row, copy, part });
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.access_copy_made',
        recordType: 'privacy_request',
        recordId: id,
        details: { part, withheld: copy.withheld.length },
      });
      return {
        body,
        filename: `${part === 'review' ? 'esclusioni-da-verificare' : 'copia-dati'}-${row.received_on}.pdf`,
      };
    },
  });
}
