import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type TLandlord,
  type TRentRequest,
  ZLandlordSchema,
  type ZRentRequestInputSchema,
  type ZRentRequestListQuerySchema,
} from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { registerFileAccess } from '../../platform/storage/file-access.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import { readUpload } from '../../platform/storage/upload.js';
import { actingService } from '../cases/cases.policy.js';
import { autonomyContext } from './autonomy.fields.js';
import { type AutonomyRole, autonomyRoleOf, BLOCKED_HOUSEHOLDS } from './autonomy.policy.js';
import { rentRequestFiles, rentRequests } from './housing.sql.js';
import { blockedHouseholdIds } from './housing-units.service.js';
import { overBudget } from './payments-budgets.service.js';
import { pageOfRequests, requireRequest, toRequestViews } from './payments-requests.repository.js';

/**
 * Rent support requests (issue 20, item 5): asked by the housing team or a finance officer of an
 * autonomy_housing service for a household that stayed in one of its apartments, paid to the
 * partner that manages it or to a private landlord (whose name, tax code, IBAN and lease are a
 * safety field: encrypted, out of the request role's reach, revealed one request at a time after a
 * step-up with a reason). Decisions are in payments-decisions.service.ts.
 */

const REQUESTERS: readonly AutonomyRole[] = ['coordinator', 'practitioner', 'finance'];

const field = (name: string, it: string, en: string): FieldError => ({
  field: name,
  code: 'invalid',
  message: { it, en },
});

function notInService(
  detail = {
    it: 'Il sostegno all’affitto si chiede dal gruppo abitare o dall’amministrazione di un servizio Autonomia e abitare.',
    en: 'Rent support is asked for by the housing team or the finance officers of an autonomy and housing service.',
  },
) {
  return new HttpProblem(403, 'not-autonomy-service', { it: 'Non consentito', en: 'Not allowed' }, detail);
}

/** Whether the role is the housing team's or finance's of the acting autonomy service. */
const isRequester = (role: AutonomyRole | null): role is AutonomyRole =>
  role !== null && REQUESTERS.includes(role);

/** The caller's role if they are the housing team or finance of the acting autonomy service; 403 otherwise. */
async function requireRequester(tx: Tx) {
  const role = await autonomyRoleOf(tx);
  if (!isRequester(role)) throw notInService();
  return role;
}

/** The requests as the viewer sees them, after the caller was judged. */
export async function requestView({
  deps,
  tx,
  ctx,
  id,
}: {
  deps: Deps;
  tx: Tx;
  ctx: AccessContext;
  id: string;
}): Promise<TRentRequest> {
  const row = await requireRequest({ tx, id });
  const [view] = await toRequestViews({ deps, tx, ctx, role: await autonomyRoleOf(tx), rows: [row] });
  return view!;
}

export async function listRequests({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.output<typeof ZRentRequestListQuerySchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const role = await autonomyRoleOf(tx);
      // Someone of another service holds the permission but reads nothing here: an empty list.
      if (!isRequester(role)) return { items: [], nextCursor: null };
      const { rows, nextCursor } = await pageOfRequests({ tx, query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.requests_listed',
          details: { count: rows.length, ...(query.status ? { status: query.status } : {}) },
        },
      });
      return { items: await toRequestViews({ deps, tx, ctx, role, rows }), nextCursor };
    },
  });
}

export async function getRequest({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const view = await requestView({ deps, tx, ctx, id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'payments.request_read', recordType: 'rent_request', recordId: id },
      });
      return view;
    },
  });
}

/**
 * What a new request names, judged as the owner after the caller was judged a requester: the
 * household (by its code) must have stayed in one of the service's apartments, the unit (if named)
 * must be one of those it stayed in, the partner must exist; the budget is read under RLS.
 */
async function judgeNewRequest({
  tx,
  serviceId,
  input,
}: {
  tx: Tx;
  serviceId: string;
  input: z.output<typeof ZRentRequestInputSchema>;
}) {
  const errors: FieldError[] = [];
  // Households with someone the caller is blocked from, as the caller: one of them is unknown here.
  const blocked = new Set(await blockedHouseholdIds(tx));
  const found = await unsafeAsSystem(tx, async (sys) => {
    const [household] = await queryRows<{ id: string; stayed: boolean; in_unit: boolean }>(
      sys,
      sql`select h.id,
                 exists (select 1 from housing_occupancies o join housing_units u on u.id = o.unit_id
                          where o.household_id = h.id and u.service_id = ${serviceId}) as stayed,
                 exists (select 1 from housing_occupancies o join housing_units u on u.id = o.unit_id
                          where o.household_id = h.id and u.service_id = ${serviceId}
                            and u.id = ${input.unitId}::uuid) as in_unit
            from households h where h.code = ${input.householdCode}`,
    );
    const [partner] =
      input.payeeKind === 'partner'
        ? await queryRows<{ id: string }>(
            sys,
            sql`select id from organisations where id = ${input.payeeOrganisationId}::uuid`,
          )
        : [];
    return { household: household && !blocked.has(household.id) ? household : undefined, partner };
  });
  const { household, partner } = found;
  if (!household?.stayed)
    errors.push(
      field(
        'householdCode',
        'Nessun nucleo con questo codice è stato ospitato in un appartamento del servizio.',
        'No household with this code has stayed in one of the service’s apartments.',
      ),
    );
  else if (input.unitId && !household.in_unit)
    errors.push(
      field(
        'unitId',
        'Il nucleo non è stato ospitato in questo appartamento.',
        'The household has not stayed in this apartment.',
      ),
    );
  if (input.payeeKind === 'partner' && !partner)
    errors.push(field('payeeOrganisationId', 'Ente partner non trovato.', 'Partner organisation not found.'));
  const [budget] = await queryRows<{ remaining: string | number }>(
    tx,
    sql`select amount_cents - committed_cents as remaining from rent_budgets
         where id = ${input.budgetId} and service_id = ${serviceId}`,
  );
  if (!budget)
    errors.push(
      field(
        'budgetId',
        'Budget non trovato tra quelli del servizio.',
        'Budget not found among the service’s budgets.',
      ),
    );
  if (errors.length > 0) throw problems.fields(errors);
  if (input.amountCents > Number(budget!.remaining)) throw overBudget(Number(budget!.remaining));
  return household!.id;
}

export async function createRequest({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.output<typeof ZRentRequestInputSchema>;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireRequester(tx);
      const serviceId = actingService(ctx);
      const householdId = await judgeNewRequest({ tx, serviceId, input });
      const id = crypto.randomUUID();
      const landlord = input.payeeKind === 'landlord' ? input.landlord : null;
      await tx.insert(rentRequests).values({
        id,
        code: randomTypedCode('RS', 6),
        serviceId,
        budgetId: input.budgetId,
        householdId,
        unitId: input.unitId,
        amountCents: input.amountCents,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        payeeKind: input.payeeKind,
        payeeOrganisationId: input.payeeKind === 'partner' ? input.payeeOrganisationId : null,
        landlordEncrypted: landlord
          ? encryptField({
              keyring: deps.keyring,
              plaintext: JSON.stringify(landlord),
              context: autonomyContext('rent_requests.landlord', id),
            })
          : null,
        note: input.note,
        requestedBy: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.requested',
          recordType: 'rent_request',
          recordId: id,
          details: { amountCents: input.amountCents, payeeKind: input.payeeKind },
        },
      });
      return requestView({ deps, tx, ctx, id });
    },
  });
}

/** The requester withdraws a request nobody has decided yet. */
export async function cancelRequest({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireRequest({ tx, id });
      if (row.requested_by !== ctx.userId)
        throw new HttpProblem(
          403,
          'not-requester',
          { it: 'Non consentito', en: 'Not allowed' },
          {
            it: 'Una richiesta la ritira solo chi l’ha fatta; l’amministrazione la rifiuta.',
            en: 'Only who made a request withdraws it; finance refuses it.',
          },
        );
      await moveRequest({ tx, id, from: 'requested', set: { status: 'cancelled' } });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'payments.cancelled', recordType: 'rent_request', recordId: id },
      });
      return requestView({ deps, tx, ctx, id });
    },
  });
}

/**
 * Moves a request out of status `from` by one conditional update: of two decisions at once, the
 * second finds it moved and is told to look again.
 */
export async function moveRequest({
  tx,
  id,
  from,
  set,
}: {
  tx: Tx;
  id: string;
  from: TRentRequest['status'];
  set: Partial<typeof rentRequests.$inferInsert>;
}) {
  const [moved] = await tx
    .update(rentRequests)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(rentRequests.id, id), eq(rentRequests.status, from)))
    .returning({ id: rentRequests.id });
  if (!moved)
    throw problems.conflict({
      it: 'La richiesta non è più in attesa: ricarica la pagina per vederne lo stato.',
      en: 'The request is no longer waiting: reload the page to see where it stands.',
    });
}

/**
 * A private landlord's details, to a finance officer or the service's housing coordinator: after
 * a recent step-up, with a reason kept as the audit event's purpose, read as the owner (the
 * request role has no grant on the column).
 */
export async function revealLandlord({
  deps,
  ctx,
  id,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  reason: string;
}): Promise<TLandlord> {
  requireRecentStepUp({
    ctx,
    why: {
      it: 'I dati di un locatore privato si vedono solo dopo aver confermato il codice di autenticazione.',
      en: 'A private landlord’s details are shown only after you confirm your authentication code.',
    },
  });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireRequest({ tx, id });
      const role = await autonomyRoleOf(tx);
      if (role !== 'finance' && role !== 'coordinator')
        throw notInService({
          it: 'I dati del locatore li vedono solo l’amministrazione e chi coordina il servizio Autonomia e abitare.',
          en: 'Only finance and the coordinator of the autonomy and housing service see the landlord’s details.',
        });
      const [sealed] =
        row.payee_kind === 'landlord'
          ? await unsafeAsSystem(tx, (sys) =>
              queryRows<{ landlord_encrypted: string | null }>(
                sys,
                sql`select landlord_encrypted from rent_requests where id = ${id}`,
              ),
            )
          : [];
      if (!sealed?.landlord_encrypted)
        throw problems.conflict({
          it: 'Questa richiesta paga un ente partner, non un locatore privato.',
          en: 'This request pays a partner organisation, not a private landlord.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.landlord_revealed',
          recordType: 'rent_request',
          recordId: id,
          purpose: reason,
        },
      });
      const plain = decryptField({
        keyring: deps.keyring,
        value: sealed.landlord_encrypted,
        context: autonomyContext('rent_requests.landlord', id),
      });
      return ZLandlordSchema.parse(JSON.parse(plain));
    },
  });
}

/**
 * Who reads a request's documents: its service's finance officers and housing coordinators (the
 * request under their RLS), and whoever added the file; only a file attached to that request, and
 * never one of a household with someone the caller is blocked from. A lease names the protected
 * apartment: a practitioner of the housing team sees its address only through an approved request,
 * never through a colleague's document.
 */
export function registerRentRequestFiles() {
  registerFileAccess({
    module: 'autonomy',
    canRead: async ({ tx, ctx, file }) => {
      if (file.recordType !== 'rent_request' || !file.recordId) return false;
      const role = await autonomyRoleOf(tx);
      if (!isRequester(role)) return false;
      const anyFile = role === 'finance' || role === 'coordinator';
      const [linked] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select true as ok from rent_request_files f join rent_requests r on r.id = f.request_id
             where f.file_id = ${file.fileId} and f.request_id = ${file.recordId}
               and not (r.household_id = any ${BLOCKED_HOUSEHOLDS})
               ${anyFile ? sql`` : sql`and f.added_by = ${ctx.userId}`}`,
      );
      return linked?.ok === true;
    },
  });
}

/**
 * A supporting document (an invoice, a receipt, the lease): checked by content and stored
 * encrypted by platform/storage as a `safety` file, since a lease names the apartment and the
 * landlord. The caller must read the request and be of its housing team or finance; nothing is
 * added to a refused or withdrawn request.
 */
export async function addDocument({
  deps,
  ctx,
  id,
  request,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  request: FastifyRequest;
}): Promise<TRentRequest> {
  // Asked before a byte is read.
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // The request first: someone of another service gets the same 404 as for nothing.
      const row = await requireRequest({ tx, id });
      await requireRequester(tx);
      if (row.status === 'refused' || row.status === 'cancelled')
        throw problems.conflict({
          it: 'A una richiesta rifiutata o ritirata non si aggiungono documenti.',
          en: 'No documents are added to a refused or withdrawn request.',
        });
    },
  });
  const upload = await readUpload({ request, kind: 'document' });
  await storeFile({
    deps,
    actor: { ctx },
    input: {
      module: 'autonomy',
      recordType: 'rent_request',
      recordId: id,
      dataClass: 'safety',
      retentionClass: 'service_record',
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    // In the file's own transaction: the request's RLS decides again.
    within: async ({ tx, fileId }) => {
      await requireRequest({ tx, id });
      await tx.insert(rentRequestFiles).values({ requestId: id, fileId, addedBy: ctx.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.document_added',
          recordType: 'rent_request',
          recordId: id,
          details: { fileId },
        },
      });
    },
  });
  return scoped({ db: deps.db, ctx, work: (tx) => requestView({ deps, tx, ctx, id }) });
}
