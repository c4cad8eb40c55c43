import { type SQL, sql } from 'drizzle-orm';
import type { TLegacyKind, TWorkPackage } from '../../../contracts/governance-codes.js';
import { queryRows } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import type { DemoOrg } from './governance-demo-plan.js';
import { insertRows } from './governance-demo-rows.js';

/**
 * The demo's partner directory (a lead and partners in every work package, invented contacts, the
 * agreement's obligations) and what lasts (one adoption into the Piano di Zona of each Ambito,
 * linked to a steering committee decision when the minutes demo wrote one).
 */

const ROLES: [TWorkPackage, DemoOrg, DemoOrg[]][] = [
  ['wp1', 'sirio', ['cerchio', 'risorsa', 'asst']],
  ['wp2', 'risorsa', ['solidalia', 'tribunale', 'asst', 'cerchio']],
  ['wp3', 'solidalia', ['risorsa']],
  ['wp4', 'cerchio', ['bicocca', 'asst']],
  ['wp5', 'cerchio', ['risorsa', 'solidalia']],
  ['wp6', 'risorsa', ['solidalia', 'cerchio', 'sirio', 'asst', 'bicocca', 'tribunale']],
  ['wp7', 'bicocca', ['risorsa', 'solidalia']],
];

const CONTACTS: [DemoOrg, string, string, string, string][] = [
  [
    'risorsa',
    'Marta Ghislandi',
    'Direttrice dell’Ufficio di Piano',
    'm.ghislandi@risorsasociale.example',
    '0363 000101',
  ],
  [
    'risorsa',
    'Paolo Bertocchi',
    'Referente amministrativo del progetto',
    'p.bertocchi@risorsasociale.example',
    '0363 000102',
  ],
  [
    'solidalia',
    'Giulia Ferrandi',
    'Responsabile dell’Ufficio di Piano',
    'g.ferrandi@solidalia.example',
    '0363 000201',
  ],
  ['cerchio', 'Samuele Invernizzi', 'Presidente', 's.invernizzi@ilcerchio.example', '0363 000301'],
  [
    'cerchio',
    'Amina Belkacem',
    'Coordinatrice dell’équipe etnoclinica',
    'a.belkacem@ilcerchio.example',
    '0363 000302',
  ],
  ['sirio', 'Elena Rota', 'Responsabile del centro', 'e.rota@sirio.example', '0363 000401'],
  ['asst', 'Carlo Mapelli', 'Direttore sociosanitario delegato', 'c.mapelli@asst.example', '035 000501'],
  [
    'bicocca',
    'Francesca Locatelli',
    'Docente di antropologia, responsabile scientifica',
    'f.locatelli@unimib.example',
    '02 000601',
  ],
  [
    'tribunale',
    'Luca Brembilla',
    'Funzionario di cancelleria',
    'l.brembilla@giustizia.example',
    '030 000701',
  ],
];

const OBLIGATIONS: [DemoOrg, string, number | null, 'open' | 'met'][] = [
  ['risorsa', 'Rendicontazione economica annuale al finanziatore', 365, 'met'],
  ['risorsa', 'Rendicontazione economica del secondo anno', 730, 'open'],
  ['solidalia', 'Messa a disposizione delle sedi per i laboratori', 240, 'met'],
  ['cerchio', 'Cofinanziamento del 10% delle attività di WP5', 1095, 'open'],
  ['sirio', 'Convenzione con la cooperativa per le mediatrici', 330, 'open'],
  ['bicocca', 'Rapporto scientifico intermedio', 600, 'open'],
  ['asst', 'Accesso dei consultori alla formazione', null, 'met'],
  ['tribunale', 'Incontri semestrali di verifica del protocollo', null, 'open'],
];

const LEGACY: [TLegacyKind, string, string, DemoOrg | null, string | null, number][] = [
  [
    'continuation',
    'Équipe etnoclinica dopo il progetto',
    'Le consultazioni ai servizi continuano come servizio della cooperativa.',
    'cerchio',
    'Fondo sociale regionale e quote dei Comuni',
    380,
  ],
  [
    'continuation',
    'Banca dati antiviolenza',
    'Gestita dal centro antiviolenza con il sostegno dell’Ufficio di Piano.',
    'sirio',
    'Bilancio dell’Ambito di Treviglio',
    400,
  ],
  [
    'synergy',
    'Sinergia con il bando regionale per l’inclusione',
    'I laboratori di cittadinanza sono proseguiti con il bando regionale.',
    'solidalia',
    null,
    300,
  ],
  [
    'new_service',
    'Sportello di mediazione nei consultori',
    'Aperto a Treviglio con mediatrici formate nel progetto.',
    'asst',
    null,
    320,
  ],
  [
    'new_holder',
    'Associazione delle donne marocchine di Treviglio',
    'Entrata nella rete dopo gli incontri di sensibilizzazione.',
    null,
    null,
    260,
  ],
];

export async function seedDemoPartners(
  { tx, userIds, districtIds }: DemoSeedContext,
  orgs: Map<DemoOrg, string>,
  day: (n: number) => SQL,
) {
  const coordinator = userIds.get('coordinatrice')!;
  // Rows of an organisation the demo does not have are left out, as before.
  const ofOrg = <T extends readonly unknown[]>(org: DemoOrg, rest: (id: string) => T) => {
    const id = orgs.get(org);
    return id ? [rest(id)] : [];
  };
  await insertRows(
    tx,
    'governance_partner_roles',
    ['organisation_id', 'work_package', 'role'],
    ROLES.flatMap(([wp, lead, partners]) =>
      [[lead, 'lead'] as const, ...partners.map((p) => [p, 'partner'] as const)].flatMap(([org, role]) =>
        ofOrg(org, (id) => [id, wp, role]),
      ),
    ),
    sql`on conflict do nothing`,
  );
  await insertRows(
    tx,
    'governance_partner_contacts',
    ['organisation_id', 'name', 'position', 'email', 'phone'],
    CONTACTS.flatMap(([org, name, position, email, phone]) =>
      ofOrg(org, (id) => [id, name, position, email, phone]),
    ),
  );
  await insertRows(
    tx,
    'governance_obligations',
    ['organisation_id', 'text', 'due_on', 'status'],
    OBLIGATIONS.flatMap(([org, text, due, status]) =>
      ofOrg(org, (id) => [id, text, due === null ? null : day(due), status]),
    ),
  );
  // The steering committee's decisions, newest first: each Ambito's adoption cites one when there is one.
  const decisions = await queryRows<{ id: string }>(
    tx,
    sql`select d.id from governance_decisions d join governance_committees c on c.id = d.committee_id
         where c.kind = 'steering' order by (d.text ilike '%piano di zona%') desc, d.decided_on desc limit 2`,
  );
  const adoptions: [string, string, DemoOrg][] = [
    ['TREVIGLIO', 'Protocollo di consulenza etnoclinica nel Piano di Zona di Treviglio', 'risorsa'],
    ['ROMANO', 'Laboratori di cittadinanza attiva nel Piano di Zona di Romano', 'solidalia'],
  ];
  await insertRows(
    tx,
    'governance_legacy_items',
    [
      'kind',
      'title',
      'description',
      'owner_organisation_id',
      'funding',
      'district_id',
      'decision_id',
      'recorded_on',
      'created_by',
    ],
    [
      ...LEGACY.map(([kind, title, description, org, funding, on]) => [
        kind,
        title,
        description,
        org ? (orgs.get(org) ?? null) : null,
        funding,
        null,
        null,
        day(on),
        coordinator,
      ]),
      ...adoptions.flatMap(([district, title, org], i) => {
        const districtId = districtIds.get(district);
        if (!districtId) return [];
        return [
          [
            'adoption',
            title,
            'Adottato dall’assemblea dei sindaci dell’Ambito.',
            orgs.get(org) ?? null,
            null,
            districtId,
            decisions[i]?.id ?? decisions[0]?.id ?? null,
            day(390 + i * 10),
            coordinator,
          ],
        ];
      }),
    ],
  );
}
