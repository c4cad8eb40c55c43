import { sql } from 'drizzle-orm';
import type { TFunderKind, TOpportunityStage } from '../../../contracts/governance-codes.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';

/**
 * Demo data of governance's fundraising (issue 21, items 5 and 6): invented funders and donors, a
 * pipeline with an opportunity at every stage (two received, with their ledger lines; one lost; two
 * pledged; calls closing in the coming weeks), two campaigns, and complementary resources from
 * funders beside those the community demo recorded. Every name is invented.
 */

interface DemoFunder {
  key: string;
  kind: TFunderKind;
  name: string;
  contact?: [string, string];
}

const FUNDERS: DemoFunder[] = [
  {
    key: 'community_foundation',
    kind: 'foundation',
    name: 'Fondazione Comunità Bergamasca (demo)',
    contact: ['Lucia Ferrandi', 'bandi@fondazione-comunita.example.org'],
  },
  {
    key: 'bank_foundation',
    kind: 'foundation',
    name: 'Fondazione Cassa Rurale dell’Adda (demo)',
    contact: ['Paolo Verzeni', 'erogazioni@fondazione-adda.example.org'],
  },
  {
    key: 'logistics',
    kind: 'company',
    name: 'Trasporti Brembo S.r.l. (demo)',
    contact: ['Chiara Locatelli', 'csr@trasporti-brembo.example.com'],
  },
  {
    key: 'dairy',
    kind: 'company',
    name: 'Caseificio Valle Seriana S.p.A. (demo)',
    contact: ['Marco Rota', 'marco.rota@caseificio-seriana.example.com'],
  },
  {
    key: 'region_call',
    kind: 'public_call',
    name: 'Regione Lombardia — bando inclusione sociale 2027 (demo)',
    contact: ['Ufficio bandi', 'bandi.inclusione@regione.example.it'],
  },
  { key: 'donor_a', kind: 'individual', name: 'Giovanna Pesenti (demo)' },
  { key: 'donor_b', kind: 'individual', name: 'Alberto Cortinovis (demo)' },
];

interface DemoOpportunity {
  funder: string;
  title: string;
  stage: TOpportunityStage;
  asked: number;
  pledged?: number;
  /** Received: euros, days ago. */
  received?: [number, number];
  /** Days from today. */
  deadline?: number;
  expected?: number;
  paysFor: string;
  campaign?: 'winter' | 'network';
}

const OPPORTUNITIES: DemoOpportunity[] = [
  {
    funder: 'community_foundation',
    title: 'Sportello casa e lavoro 2027',
    stage: 'received',
    asked: 40_000,
    pledged: 35_000,
    received: [35_000, 40],
    paysFor: 'Due operatrici a metà tempo per lo sportello casa e lavoro.',
    campaign: 'network',
  },
  {
    funder: 'dairy',
    title: 'Pacchi alimentari per l’inverno',
    stage: 'received',
    asked: 5_000,
    pledged: 4_000,
    received: [4_000, 12],
    paysFor: 'Acquisto di generi alimentari per i nuclei seguiti.',
    campaign: 'winter',
  },
  {
    funder: 'bank_foundation',
    title: 'Laboratori di cittadinanza nelle scuole',
    stage: 'lost',
    asked: 18_000,
    paysFor: 'Facilitatori e materiali per dieci laboratori.',
  },
  {
    funder: 'region_call',
    title: 'Bando inclusione sociale — rete di Ambito',
    stage: 'pledged',
    asked: 120_000,
    pledged: 96_000,
    expected: 45,
    paysFor: 'Coordinamento della rete e mediazione linguistico-culturale.',
    campaign: 'network',
  },
  {
    funder: 'logistics',
    title: 'Trasporto per le famiglie dei comuni montani',
    stage: 'pledged',
    asked: 8_000,
    pledged: 6_500,
    expected: 20,
    paysFor: 'Un furgone a nove posti per sei mesi e il carburante.',
    campaign: 'winter',
  },
  {
    funder: 'region_call',
    title: 'Bando abitare temporaneo 2027',
    stage: 'applied',
    asked: 60_000,
    deadline: 5,
    expected: 90,
    paysFor: 'Affitti ponte e arredi per tre alloggi.',
  },
  {
    funder: 'bank_foundation',
    title: 'Fondo emergenze bollette',
    stage: 'approached',
    asked: 15_000,
    deadline: 12,
    paysFor: 'Contributi una tantum per utenze arretrate.',
    campaign: 'winter',
  },
  {
    funder: 'community_foundation',
    title: 'Doposcuola interculturale',
    stage: 'identified',
    asked: 12_000,
    deadline: 26,
    paysFor: 'Educatori e mediatori per il doposcuola di Treviglio.',
  },
  {
    funder: 'donor_a',
    title: 'Donazione per i corsi di italiano',
    stage: 'approached',
    asked: 1_500,
    paysFor: 'Libri di testo e abbonamenti ai mezzi per le corsiste.',
  },
  {
    funder: 'donor_b',
    title: 'Borse lavoro per giovani',
    stage: 'identified',
    asked: 3_000,
    deadline: 40,
    paysFor: 'Due borse lavoro di tre mesi.',
  },
  {
    funder: 'holder',
    title: 'Sala e volontari per lo sportello del sabato',
    stage: 'applied',
    asked: 2_000,
    deadline: 9,
    paysFor: 'Spese di pulizia e riscaldamento della sala.',
  },
];

async function insertFunder(tx: Tx, f: DemoFunder & { holderId?: string }, createdBy: string) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into governance_funders (kind, name, holder_id, contact_name, contact_email, created_by)
        values (${f.kind}, ${f.name}, ${f.holderId ?? null}, ${f.contact?.[0] ?? null}, ${f.contact?.[1] ?? null}, ${createdBy})
        returning id`,
  );
  return row!.id;
}

const day = (offset: number) => sql`current_date + ${offset}::int`;

export async function seedDemoFundraising({ tx, userIds }: DemoSeedContext): Promise<void> {
  const fundraiser = userIds.get('raccolta.fondi') ?? userIds.get('coordinatrice');
  const coordinator = userIds.get('coordinatrice') ?? fundraiser;
  if (!fundraiser || !coordinator) return;

  const funderIds = new Map<string, string>();
  for (const f of FUNDERS) funderIds.set(f.key, await insertFunder(tx, f, fundraiser));
  // A community holder of the demo registry that also gives (its name is the registry's).
  const [holder] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from community_holders where active order by name, id limit 1`,
  );
  if (holder)
    funderIds.set(
      'holder',
      await insertFunder(
        tx,
        { key: 'holder', kind: 'community_holder', name: holder.name, holderId: holder.id },
        coordinator,
      ),
    );

  const campaigns = new Map<string, string>();
  for (const [key, title, goal, from, to] of [
    ['winter', 'Inverno solidale 2026–2027', 25_000, -60, 120],
    ['network', 'Rete che dura: oltre il progetto', 250_000, -200, 400],
  ] as const) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into governance_campaigns (title, goal_cents, starts_on, ends_on, created_by)
          values (${title}, ${goal * 100}, ${day(from)}, ${day(to)}, ${fundraiser}) returning id`,
    );
    campaigns.set(key, row!.id);
  }

  for (const o of OPPORTUNITIES) {
    const funderId = funderIds.get(o.funder);
    if (!funderId) continue;
    const funderName = o.funder === 'holder' ? holder!.name : FUNDERS.find((f) => f.key === o.funder)!.name;
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into governance_opportunities (funder_id, campaign_id, title, stage, asked_cents, pledged_cents,
            received_cents, deadline_on, expected_on, received_on, pays_for, owner_id)
          values (${funderId}, ${o.campaign ? campaigns.get(o.campaign)! : null}, ${o.title}, ${o.stage}, ${o.asked * 100},
            ${o.pledged === undefined ? null : o.pledged * 100}, ${o.received ? o.received[0] * 100 : null},
            ${o.deadline === undefined ? null : day(o.deadline)}, ${o.expected === undefined ? null : day(o.expected)},
            ${o.received ? day(-o.received[1]) : null}, ${o.paysFor}, ${fundraiser})
          returning id`,
    );
    const id = row!.id;
    // The path it took through the pipeline, for its history and the conversion.
    const path: TOpportunityStage[] =
      o.stage === 'lost' ? ['identified', 'approached', 'applied', 'lost'] : pathTo(o.stage);
    let from: TOpportunityStage | null = null;
    for (const [i, to] of path.entries()) {
      await tx.execute(
        sql`insert into governance_opportunity_moves (opportunity_id, from_stage, to_stage, moved_by, moved_at)
            values (${id}, ${from}, ${to}, ${fundraiser}, now() - make_interval(days => ${(path.length - i) * 20}))`,
      );
      from = to;
    }
    if (o.received) {
      const [line] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_resources (source_kind, source_name, kind, description, quantity, unit, value_cents,
              valuation_rule, offered_on, recorded_by)
            values ('funder', ${funderName}, 'money', ${o.title}, ${o.received[0]}, 'euro', ${o.received[0] * 100},
              'cash', ${day(-o.received[1])}, ${fundraiser}) returning id`,
      );
      await tx.execute(sql`update governance_opportunities set resource_id = ${line!.id} where id = ${id}`);
    }
  }
  await seedResources(tx, funderIds, fundraiser, holder ?? null);
}

function pathTo(stage: TOpportunityStage): TOpportunityStage[] {
  const order: TOpportunityStage[] = ['identified', 'approached', 'applied', 'pledged', 'received'];
  return order.slice(0, order.indexOf(stage) + 1);
}

/** Rooms, volunteer hours (at the rate in force) and goods the network got beyond the budget. */
async function seedResources(
  tx: Tx,
  funderIds: Map<string, string>,
  recordedBy: string,
  holder: { id: string; name: string } | null,
) {
  const lines: [
    string,
    string | null,
    string,
    string,
    string,
    number,
    string,
    number | null,
    string,
    number,
  ][] = [
    [
      'funder',
      null,
      'Trasporti Brembo S.r.l. (demo)',
      'services',
      'Consegna dei pacchi alimentari nei comuni montani',
      6,
      'days',
      90_000,
      'market_price',
      -30,
    ],
    [
      'funder',
      null,
      'Caseificio Valle Seriana S.p.A. (demo)',
      'goods',
      'Formaggi e latte per la distribuzione di dicembre',
      120,
      'items',
      48_000,
      'market_price',
      -15,
    ],
    [
      'funder',
      null,
      'Giovanna Pesenti (demo)',
      'goods',
      'Quaderni e libri per il corso di italiano',
      40,
      'items',
      32_000,
      'declared',
      -50,
    ],
    [
      'other',
      null,
      'Parrocchia di San Martino (demo)',
      'room',
      'Salone parrocchiale per le feste di quartiere',
      4,
      'days',
      60_000,
      'market_rent',
      -70,
    ],
    [
      'other',
      null,
      'Gruppo volontari del sabato (demo)',
      'volunteer_hours',
      'Accoglienza allo sportello del sabato',
      96,
      'hours',
      null,
      'volunteer_hour_rate',
      -20,
    ],
  ];
  if (holder)
    lines.push([
      'community_holder',
      holder.id,
      holder.name,
      'volunteer_hours',
      'Volontari per il trasloco di due famiglie',
      24,
      'hours',
      null,
      'volunteer_hour_rate',
      -10,
    ]);
  if (funderIds.size === 0) return;
  for (const [sourceKind, holderId, name, kind, description, quantity, unit, value, rule, offset] of lines) {
    const valuation =
      value === null
        ? sql`round(${quantity}::numeric * (select volunteer_hour_cents from governance_settings where id))::bigint`
        : sql`${value}::bigint`;
    await tx.execute(
      sql`insert into community_resources (source_kind, holder_id, source_name, kind, description, quantity, unit,
            value_cents, valuation_rule, offered_on, recorded_by)
          values (${sourceKind}, ${holderId}, ${name}, ${kind}, ${description}, ${quantity}, ${unit}, ${valuation},
            ${rule}, ${day(offset)}, ${recordedBy})`,
    );
  }
}
