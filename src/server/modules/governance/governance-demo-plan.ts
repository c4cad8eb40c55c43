import { sql } from 'drizzle-orm';
import type { TActivityStatus, TWorkPackage } from '../../../contracts/governance-codes.js';
import { queryRows, sqlArray } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { seedDemoPartners } from './governance-demo-plan-partners.js';
import { insertRows } from './governance-demo-rows.js';

/**
 * Demo data of governance's plan (issue 21): a three-year plan started about fourteen months ago,
 * twenty activities over the seven work packages with their responsible partners and one or two
 * updates each (some delayed), fourteen milestones (some reached, four late), six risks and issues;
 * then the partner directory and what lasts (governance-demo-plan-partners.ts). Dates are days from
 * the project's start, so the demo stays current whenever it is first started.
 */

export const DEMO_PROJECT_AGE_DAYS = 425;

/** The demo's organisations by a short key (seed/demo.ts names them). */
export const DEMO_ORGANISATIONS = {
  risorsa: "Risorsa Sociale Gera d'Adda",
  solidalia: 'Solidalia',
  cerchio: 'Cooperativa sociale Il Cerchio',
  sirio: 'Centro antiviolenza Sirio',
  asst: 'ASST Bergamo Ovest',
  bicocca: 'Università degli Studi di Milano-Bicocca',
  tribunale: 'Tribunale per i Minorenni di Brescia',
} as const;
export type DemoOrg = keyof typeof DEMO_ORGANISATIONS;

type Update = [day: number, status: TActivityStatus, note: string];
const ACTIVITIES: [TWorkPackage, string, DemoOrg, number, number, TActivityStatus, Update[]][] = [
  [
    'wp1',
    'Banca dati sull’emersione della violenza di genere',
    'sirio',
    20,
    400,
    'done',
    [
      [200, 'on_track', 'Schema dei dati condiviso con i servizi.'],
      [398, 'done', 'Banca dati in uso da tutti i servizi della rete.'],
    ],
  ],
  [
    'wp1',
    'Formazione etnoclinica e giuridica per la rete antiviolenza',
    'cerchio',
    90,
    700,
    'on_track',
    [[300, 'on_track', 'Tre edizioni svolte, 64 partecipanti.']],
  ],
  [
    'wp1',
    'Unità di comunicazione interculturale',
    'sirio',
    60,
    900,
    'delayed',
    [
      [250, 'on_track', 'Selezionate le mediatrici.'],
      [410, 'delayed', 'Ritardo nella firma della convenzione con la cooperativa.'],
    ],
  ],
  [
    'wp2',
    'Protocollo con il Tribunale per i Minorenni',
    'tribunale',
    30,
    300,
    'done',
    [
      [150, 'on_track', 'Bozza condivisa con la cancelleria.'],
      [290, 'done', 'Protocollo firmato.'],
    ],
  ],
  [
    'wp2',
    'Banca dati su violenza e intercultura nella tutela',
    'risorsa',
    60,
    540,
    'on_track',
    [[390, 'on_track', 'Raccolta dati avviata nei due Ambiti.']],
  ],
  [
    'wp2',
    'Consulenza etnoclinica nelle indagini psicosociali',
    'cerchio',
    120,
    1000,
    'delayed',
    [[360, 'delayed', 'Lista d’attesa per le consulenze: serve una seconda équipe.']],
  ],
  [
    'wp3',
    'Mappatura dei soggetti della comunità',
    'risorsa',
    10,
    360,
    'done',
    [
      [180, 'on_track', '120 soggetti mappati.'],
      [355, 'done', 'Mappa completata e pubblicata.'],
    ],
  ],
  [
    'wp3',
    'Calendario degli incontri di sensibilizzazione',
    'solidalia',
    150,
    1000,
    'on_track',
    [[405, 'on_track', 'Dodici incontri svolti nel semestre.']],
  ],
  [
    'wp3',
    'Laboratori di cittadinanza attiva',
    'solidalia',
    240,
    900,
    'delayed',
    [[380, 'delayed', 'Poche iscrizioni a Romano: si cambia sede e orario.']],
  ],
  [
    'wp4',
    'Équipe etnoclinica: consultazioni ai servizi',
    'cerchio',
    30,
    1080,
    'on_track',
    [[330, 'on_track', 'Quaranta consultazioni dall’avvio.']],
  ],
  [
    'wp4',
    'Ricerca antropologica sul campo',
    'bicocca',
    90,
    900,
    'on_track',
    [
      [260, 'on_track', 'Approvato il protocollo dal comitato etico.'],
      [412, 'on_track', 'Prima fase di interviste conclusa.'],
    ],
  ],
  ['wp4', 'Percorsi per uomini autori di violenza', 'asst', 200, 1000, 'not_started', []],
  [
    'wp5',
    'Corsi di italiano modulari',
    'cerchio',
    45,
    1000,
    'on_track',
    [[300, 'on_track', 'Quattro corsi attivi.']],
  ],
  [
    'wp5',
    'Imprese sociali e inserimenti lavorativi',
    'cerchio',
    120,
    1080,
    'delayed',
    [[395, 'delayed', 'Due imprese su cinque avviate.']],
  ],
  [
    'wp5',
    'Sostegno all’affitto negli alloggi protetti',
    'risorsa',
    60,
    1000,
    'on_track',
    [[340, 'on_track', 'Sei alloggi in uso.']],
  ],
  [
    'wp6',
    'Cabina di regia e unità di monitoraggio',
    'risorsa',
    0,
    1095,
    'on_track',
    [[380, 'on_track', 'Riunioni regolari, verbali approvati.']],
  ],
  [
    'wp6',
    'Piano di raccolta fondi',
    'solidalia',
    180,
    720,
    'on_track',
    [[400, 'on_track', 'Dieci opportunità nella pipeline.']],
  ],
  [
    'wp7',
    'Sito del progetto e canali social',
    'risorsa',
    30,
    240,
    'done',
    [[230, 'done', 'Sito pubblicato.']],
  ],
  ['wp7', 'Convegno di metà progetto', 'solidalia', 420, 560, 'not_started', []],
  ['wp7', 'Videomanuale delle buone pratiche', 'bicocca', 400, 1080, 'not_started', []],
];

/** [work package, title, responsible, due day, reached day or null]: four are late. */
const MILESTONES: [TWorkPackage, string, DemoOrg, number, number | null][] = [
  ['wp1', 'Banca dati antiviolenza operativa', 'sirio', 400, 398],
  ['wp1', 'Convenzione per l’unità di comunicazione interculturale', 'sirio', 330, null],
  ['wp2', 'Protocollo con il Tribunale firmato', 'tribunale', 300, 290],
  ['wp2', 'Seconda équipe per le consulenze nella tutela', 'cerchio', 380, null],
  ['wp3', 'Mappa della comunità pubblicata', 'risorsa', 360, 355],
  ['wp3', 'Primi dieci laboratori di cittadinanza svolti', 'solidalia', 410, null],
  ['wp3', 'Cinquanta incontri di sensibilizzazione', 'solidalia', 900, null],
  ['wp4', 'Protocollo di ricerca approvato', 'bicocca', 270, 260],
  ['wp4', 'Rapporto intermedio della ricerca', 'bicocca', 600, null],
  ['wp5', 'Cinque imprese sociali avviate', 'cerchio', 390, null],
  ['wp5', 'Trenta inserimenti lavorativi', 'cerchio', 900, null],
  ['wp6', 'Piano di raccolta fondi approvato', 'solidalia', 365, 362],
  ['wp6', 'Rapporto di sostenibilità per la cabina di regia', 'risorsa', 1000, null],
  ['wp7', 'Videomanuale pubblicato', 'bicocca', 1080, null],
];

const RISKS: [kind: 'risk' | 'issue', TWorkPackage | null, string, string, string, string, string][] = [
  [
    'risk',
    'wp1',
    'Turnover delle mediatrici',
    'medium',
    'high',
    'Albo condiviso di mediatrici e formazione continua.',
    'open',
  ],
  [
    'risk',
    'wp3',
    'Scarsa partecipazione delle famiglie straniere',
    'high',
    'medium',
    'Incontri nelle associazioni e nelle scuole, in lingua.',
    'open',
  ],
  [
    'risk',
    null,
    'Ritardi nei trasferimenti del finanziatore',
    'low',
    'high',
    'Anticipo di cassa del capofila; piano di raccolta fondi.',
    'mitigated',
  ],
  [
    'issue',
    'wp2',
    'Lista d’attesa per le consulenze etnocliniche',
    'high',
    'high',
    'Seconda équipe e priorità ai casi con udienza vicina.',
    'open',
  ],
  [
    'issue',
    'wp5',
    'Imprese sociali in ritardo',
    'medium',
    'medium',
    'Accompagnamento alla costituzione e ricerca di committenti.',
    'open',
  ],
  [
    'risk',
    'wp4',
    'Consenso alle interviste di ricerca',
    'low',
    'medium',
    'Informative in più lingue e mediatrici presenti.',
    'closed',
  ],
];

export async function seedDemoPlan(context: DemoSeedContext): Promise<void> {
  const { tx, userIds } = context;
  const named = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select distinct on (name) id, name from organisations
         where name = any(${sqlArray(Object.values(DEMO_ORGANISATIONS))})`,
  );
  const idOf = new Map(named.map((r) => [r.name, r.id]));
  const orgs = new Map<DemoOrg, string>();
  for (const [key, name] of Object.entries(DEMO_ORGANISATIONS)) {
    const id = idOf.get(name);
    if (id) orgs.set(key as DemoOrg, id);
  }
  const coordinator = userIds.get('coordinatrice');
  if (!coordinator) return;
  const day = (n: number) => sql`(current_date - ${DEMO_PROJECT_AGE_DAYS}::int + ${n}::int)`;

  const activities = await insertRows<{ id: string; title: string }>(
    tx,
    'governance_activities',
    ['work_package', 'title', 'responsible_organisation_id', 'starts_on', 'ends_on', 'status'],
    ACTIVITIES.map(([wp, title, org, from, to, status]) => [
      wp,
      title,
      orgs.get(org) ?? null,
      day(from),
      day(to),
      status,
    ]),
    sql`returning id, title`,
  );
  const activityId = new Map(activities.map((a) => [a.title, a.id]));
  await insertRows(
    tx,
    'governance_activity_updates',
    ['activity_id', 'status', 'note', 'updated_by', 'updated_at'],
    ACTIVITIES.flatMap(([, title, , , , , updates]) =>
      updates.map(([when, status, note]) => [
        activityId.get(title),
        status,
        note,
        coordinator,
        sql`${day(when)}::timestamp + interval '10 hours'`,
      ]),
    ),
  );
  await insertRows(
    tx,
    'governance_milestones',
    ['work_package', 'title', 'responsible_organisation_id', 'due_on', 'reached_on'],
    MILESTONES.map(([wp, title, org, due, reached]) => [
      wp,
      title,
      orgs.get(org) ?? null,
      day(due),
      reached === null ? null : day(reached),
    ]),
  );
  const owners = [
    userIds.get('coordinatrice'),
    userIds.get('supervisora'),
    userIds.get('coordinatrice.abitare'),
  ];
  await insertRows(
    tx,
    'governance_risks',
    ['kind', 'work_package', 'title', 'likelihood', 'impact', 'mitigation', 'owner_id', 'status'],
    RISKS.map(([kind, wp, title, likelihood, impact, mitigation, status], i) => [
      kind,
      wp,
      title,
      likelihood,
      impact,
      mitigation,
      owners[i % owners.length] ?? null,
      status,
    ]),
  );
  await seedDemoPartners(context, orgs, day);
}
