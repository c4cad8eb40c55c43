import { randomUUID } from 'node:crypto';
import { encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import type { Tx } from '../../platform/db/client.js';
import { todayInRome } from '../cases/rome-time.js';
import { autonomyContext } from './autonomy.fields.js';
import { at, dateAgo } from './autonomy-demo-data.js';
import { rentBudgets, rentLedgerEntries, rentRequests } from './housing.sql.js';

/** The first and last day of the month `offset` months from this one (Italian calendar). */
function month(offset: number) {
  const [y, m] = todayInRome().split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 + offset, 1));
  const last = new Date(Date.UTC(y, m + offset, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

interface Hosted {
  householdId: string;
  unitId: string;
  payeeOrganisationId: string;
}

type Stage =
  | { status: 'requested' }
  | { status: 'approved'; approvedAgo: number }
  | {
      status: 'paid';
      approvedAgo: number;
      paidAgo: number;
      reference: string;
      reversed?: { ago: number; reason: string };
    };

/**
 * The demo's rent support: a budget of the current year with two funding lines; requests made by
 * the housing coordinator and decided by the finance officer, never the same person (the database
 * refuses otherwise): three paid (one reversed in the ledger, its amount given back to the line),
 * one approved to pay, two awaiting approval — one to a private landlord, whose details are encrypted.
 * `committed_cents` is what the orders approved and not reversed hold, as the service keeps it.
 */
export async function seedDemoRent({
  tx,
  keyring,
  serviceId,
  requester,
  finance,
  families,
}: {
  tx: Tx;
  keyring: Keyring;
  serviceId: string;
  requester: string;
  finance: string;
  families: Record<'elidrissi' | 'okoro' | 'quispe', Hosted>;
}) {
  const year = Number(todayInRome().slice(0, 4));
  const lines = {
    fse: { id: randomUUID(), name: 'PR FSE+ Lombardia — Autonomia abitativa', amountCents: 3_000_000 },
    ambito: { id: randomUUID(), name: 'Fondo d’Ambito — Sostegno all’affitto', amountCents: 800_000 },
  };
  const previous = month(-1);
  const current = month(0);
  const requests: {
    line: keyof typeof lines;
    family: keyof typeof families;
    amountCents: number;
    period: { from: string; to: string };
    requestedAgo: number;
    stage: Stage;
    landlord?: { name: string; taxCode: string; iban: string; leaseNote: string };
    note: string;
  }[] = [
    {
      line: 'fse',
      family: 'okoro',
      amountCents: 42_000,
      period: previous,
      requestedAgo: 40,
      stage: { status: 'paid', approvedAgo: 36, paidAgo: 32, reference: `BON-${year}-0412` },
      note: 'Quota mensile del canone dell’alloggio protetto.',
    },
    {
      line: 'ambito',
      family: 'quispe',
      amountCents: 38_000,
      period: previous,
      requestedAgo: 38,
      stage: {
        status: 'paid',
        approvedAgo: 35,
        paidAgo: 31,
        reference: `BON-${year}-0413`,
        reversed: {
          ago: 24,
          reason: 'Bonifico emesso due volte per la stessa mensilità: stornato il doppione.',
        },
      },
      note: 'Quota mensile del canone dell’alloggio protetto.',
    },
    {
      line: 'ambito',
      family: 'quispe',
      amountCents: 38_000,
      period: previous,
      requestedAgo: 37,
      stage: { status: 'paid', approvedAgo: 35, paidAgo: 30, reference: `BON-${year}-0414` },
      note: 'Quota mensile del canone dell’alloggio protetto.',
    },
    {
      line: 'fse',
      family: 'elidrissi',
      amountCents: 45_000,
      period: current,
      requestedAgo: 6,
      stage: { status: 'approved', approvedAgo: 3 },
      note: 'Prima mensilità dopo l’ingresso nell’alloggio.',
    },
    {
      line: 'fse',
      family: 'okoro',
      amountCents: 42_000,
      period: current,
      requestedAgo: 2,
      stage: { status: 'requested' },
      note: 'Quota mensile del canone dell’alloggio protetto.',
    },
    {
      line: 'ambito',
      family: 'quispe',
      amountCents: 15_000,
      period: current,
      requestedAgo: 1,
      stage: { status: 'requested' },
      landlord: {
        name: 'Giuseppe Rota',
        taxCode: 'RTOGPP60A01H509X',
        iban: 'IT60X0542811101000000123456',
        leaseNote: 'Box auto in affitto per il furgone di lavoro, contratto annuale.',
      },
      note: 'Integrazione per il box auto usato per il lavoro al forno.',
    },
  ];

  const committed = (line: keyof typeof lines) =>
    requests
      .filter((r) => r.line === line && (r.stage.status === 'approved' || r.stage.status === 'paid'))
      .filter((r) => !(r.stage.status === 'paid' && r.stage.reversed))
      .reduce((sum, r) => sum + r.amountCents, 0);
  await tx.insert(rentBudgets).values(
    (['fse', 'ambito'] as const).map((key) => ({
      id: lines[key].id,
      serviceId,
      year,
      fundingLine: lines[key].name,
      amountCents: lines[key].amountCents,
      committedCents: committed(key),
      createdBy: finance,
      createdAt: at(330),
    })),
  );

  for (const r of requests) {
    const id = randomUUID();
    const family = families[r.family];
    const stage = r.stage;
    const decided = stage.status === 'approved' || stage.status === 'paid';
    await tx.insert(rentRequests).values({
      id,
      code: randomTypedCode('RS', 6),
      serviceId,
      budgetId: lines[r.line].id,
      householdId: family.householdId,
      unitId: family.unitId,
      amountCents: r.amountCents,
      periodFrom: r.period.from,
      periodTo: r.period.to,
      payeeKind: r.landlord ? 'landlord' : 'partner',
      payeeOrganisationId: r.landlord ? null : family.payeeOrganisationId,
      landlordEncrypted: r.landlord
        ? encryptField({
            keyring,
            plaintext: JSON.stringify(r.landlord),
            context: autonomyContext('rent_requests.landlord', id),
          })
        : null,
      note: r.note,
      status: stage.status,
      requestedBy: requester,
      requestedAt: at(r.requestedAgo),
      approvedBy: decided ? finance : null,
      approvedAt: decided ? at(stage.approvedAgo) : null,
      paidOn: stage.status === 'paid' ? dateAgo(stage.paidAgo) : null,
      paymentReference: stage.status === 'paid' ? stage.reference : null,
      paidBy: stage.status === 'paid' ? finance : null,
      updatedAt: at(stage.status === 'paid' ? stage.paidAgo : decided ? stage.approvedAgo : r.requestedAgo),
    });
    if (stage.status !== 'paid') continue;
    const entry = {
      budgetId: lines[r.line].id,
      requestId: id,
      householdId: family.householdId,
      recordedBy: finance,
    };
    await tx.insert(rentLedgerEntries).values({
      ...entry,
      kind: 'payment',
      amountCents: r.amountCents,
      entryOn: dateAgo(stage.paidAgo),
      reference: stage.reference,
      createdAt: at(stage.paidAgo),
    });
    if (stage.reversed)
      await tx.insert(rentLedgerEntries).values({
        ...entry,
        kind: 'reversal',
        amountCents: -r.amountCents,
        entryOn: dateAgo(stage.reversed.ago),
        reference: stage.reference,
        reason: stage.reversed.reason,
        createdAt: at(stage.reversed.ago),
      });
  }
}
