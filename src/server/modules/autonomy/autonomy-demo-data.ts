import type {
  FOLLOW_UP_OUTCOMES,
  GOAL_AREAS,
  JOB_PLACEMENT_KINDS,
  JOB_PLACEMENT_STATUSES,
  OFFER_KINDS,
  OFFER_TOPICS,
  TUTORING_MEETING_KINDS,
  WAGE_BANDS,
} from '../../../contracts/autonomy-codes.js';
import { todayInRome } from '../cases/rome-time.js';

/**
 * The autonomy demo's invented people, partners and apartments (autonomy.demo.ts writes them).
 * Days are counted back from today (negative: in the future), so the demo stays current.
 */

const DAY = 86_400_000;
/** The Italian date `days` before today (negative: after). */
export const dateAgo = (days: number) =>
  new Date(Date.parse(`${todayInRome()}T12:00:00Z`) - days * DAY).toISOString().slice(0, 10);
/** The instant `days` before now. */
export const at = (days: number) => new Date(Date.now() - days * DAY);

export const TREVIGLIO = '016219';
export const CARAVAGGIO = '016053';
export const ROMANO = '016183';

/**
 * The three protected apartments' addresses, invented: written only encrypted. The leak test
 * searches every list, export, log line and mail of a demo run for them and must find none.
 */
export const DEMO_UNIT_ADDRESSES = [
  'Via dei Glicini 14, Treviglio',
  'Via delle Betulle 22, Caravaggio',
  'Via dei Gelsi 3, Romano di Lombardia',
] as const;

export const DEMO_UNITS = [
  {
    key: 'girasole',
    label: 'Alloggio Girasole',
    district: 'TREVIGLIO',
    manager: 'coop',
    capacity: 4,
    accessibility: ['lift'],
    address: DEMO_UNIT_ADDRESSES[0],
  },
  {
    key: 'ginepro',
    label: 'Alloggio Ginepro',
    district: 'TREVIGLIO',
    manager: 'coop',
    capacity: 3,
    accessibility: ['step_free', 'ground_floor'],
    address: DEMO_UNIT_ADDRESSES[1],
  },
  {
    key: 'quercia',
    label: 'Alloggio Quercia',
    district: 'ROMANO',
    manager: 'solidalia',
    capacity: 5,
    accessibility: [],
    address: DEMO_UNIT_ADDRESSES[2],
  },
] as const;
export type DemoUnitKey = (typeof DEMO_UNITS)[number]['key'];

type OfferKind = (typeof OFFER_KINDS)[number];
type OfferTopic = (typeof OFFER_TOPICS)[number];
export const DEMO_OFFERS: {
  key: string;
  title: string;
  kind: OfferKind;
  topic: OfferTopic;
  description: string;
  languages: string[];
  schedule: string;
  municipality: string;
  places: number;
  prerequisites: string | null;
  costCents: number;
}[] = [
  {
    key: 'italian_a2',
    title: 'Corso di italiano A2',
    kind: 'course',
    topic: 'italian_language',
    description: 'Italiano per la vita quotidiana e il lavoro, con certificazione A2 al termine.',
    languages: ['it'],
    schedule: 'Lunedì e mercoledì, 9:30–11:30 (baby sitting in sede)',
    municipality: TREVIGLIO,
    places: 15,
    prerequisites: 'Livello A1 raggiunto',
    costCents: 0,
  },
  {
    key: 'italian_b1',
    title: 'Corso di italiano B1',
    kind: 'course',
    topic: 'italian_language',
    description:
      'Italiano B1: il livello chiesto per il permesso di lungo periodo e molti colloqui di lavoro.',
    languages: ['it'],
    schedule: 'Martedì e giovedì, 18:00–20:00',
    municipality: TREVIGLIO,
    places: 12,
    prerequisites: 'Certificazione A2',
    costCents: 0,
  },
  {
    key: 'digital',
    title: 'Alfabetizzazione digitale',
    kind: 'workshop',
    topic: 'digital_literacy',
    description:
      'Smartphone e computer: SPID, posta elettronica, fascicolo sanitario, portali per il lavoro.',
    languages: ['it', 'ar', 'fr'],
    schedule: 'Venerdì, 10:00–12:00, sei incontri',
    municipality: CARAVAGGIO,
    places: 10,
    prerequisites: null,
    costCents: 0,
  },
  {
    key: 'driving',
    title: 'Teoria della patente in arabo e francese',
    kind: 'course',
    topic: 'driving_licence',
    description: 'Preparazione all’esame di teoria con mediatrice, quiz nella propria lingua.',
    languages: ['ar', 'fr'],
    schedule: 'Sabato, 9:00–12:00',
    municipality: ROMANO,
    places: 12,
    prerequisites: 'Permesso di soggiorno valido',
    costCents: 15_000,
  },
  {
    key: 'haccp',
    title: 'Corso HACCP per la ristorazione',
    kind: 'course',
    topic: 'vocational',
    description: 'Igiene degli alimenti: attestato HACCP richiesto per lavorare in cucina e nei forni.',
    languages: ['it'],
    schedule: 'Due giornate, 9:00–17:00',
    municipality: ROMANO,
    places: 20,
    prerequisites: null,
    costCents: 9_000,
  },
  {
    key: 'job_search',
    title: 'Orientamento e ricerca attiva del lavoro',
    kind: 'counselling',
    topic: 'job_search',
    description: 'Curriculum, colloqui di prova, iscrizione al centro per l’impiego e alle agenzie.',
    languages: ['it', 'en', 'fr'],
    schedule: 'Su appuntamento',
    municipality: TREVIGLIO,
    places: 30,
    prerequisites: null,
    costCents: 0,
  },
];

/** Employers and social enterprises: organisations of the community holders' registry, never accounts. */
export const DEMO_EMPLOYERS = [
  {
    key: 'ginestra',
    name: 'Cooperativa sociale La Ginestra',
    kind: 'social_enterprise',
    municipality: TREVIGLIO,
    legalForm: 'cooperative',
  },
  {
    key: 'filo',
    name: 'Laboratorio sartoriale Filo Comune',
    kind: 'social_enterprise',
    municipality: CARAVAGGIO,
    legalForm: 'cooperative',
  },
  {
    key: 'pane',
    name: 'Forno solidale Pane Nostro',
    kind: 'social_enterprise',
    municipality: ROMANO,
    legalForm: 'cooperative',
  },
  {
    key: 'logistica',
    name: 'Logistica Adda S.r.l.',
    kind: 'employer',
    municipality: TREVIGLIO,
    legalForm: 'company',
  },
  {
    key: 'portico',
    name: 'Hotel Ristorante Il Portico',
    kind: 'employer',
    municipality: ROMANO,
    legalForm: 'company',
  },
] as const;
type DemoEmployerKey = (typeof DEMO_EMPLOYERS)[number]['key'];

/** The project's social enterprises, at three stages, each stage with the days ago it was reached. */
export const DEMO_INITIATIVES = [
  {
    key: 'filo',
    name: 'Laboratorio sartoriale Filo Comune',
    holder: 'filo' as DemoEmployerKey | null,
    partner: 'coop',
    jobsCreated: 4,
    description: 'Sartoria e riparazioni per privati e negozi; forma e assume donne seguite dal progetto.',
    stages: [
      ['idea', 330],
      ['business_plan', 280],
      ['start_up', 200],
      ['running', 90],
    ],
  },
  {
    key: 'pane',
    name: 'Forno solidale Pane Nostro',
    holder: 'pane' as DemoEmployerKey | null,
    partner: 'solidalia',
    jobsCreated: 2,
    description: 'Panificio di quartiere con pane delle tradizioni del Maghreb e del Sud America.',
    stages: [
      ['idea', 250],
      ['business_plan', 160],
      ['start_up', 100],
    ],
  },
  {
    key: 'orti',
    name: 'Orti sociali della Bassa',
    holder: null,
    partner: 'coop',
    jobsCreated: 0,
    description: 'Orticoltura e vendita diretta su terreni comunali: studio di fattibilità in corso.',
    stages: [['idea', 30]],
  },
] as const;

type GoalArea = (typeof GOAL_AREAS)[number];
type MeetingKind = (typeof TUTORING_MEETING_KINDS)[number];
interface DemoPlacement {
  employer: DemoEmployerKey;
  initiative: 'filo' | 'pane' | null;
  kind: (typeof JOB_PLACEMENT_KINDS)[number];
  status: (typeof JOB_PLACEMENT_STATUSES)[number];
  startsAgo: number;
  endsAgo: number | null;
  hours: number;
  wage: (typeof WAGE_BANDS)[number];
  tutorName: string | null;
  endNote?: string;
  /** The 6-month outcome, recorded `recordedAgo` days ago. */
  followUp6?: { outcome: (typeof FOLLOW_UP_OUTCOMES)[number]; recordedAgo: number };
}

export interface DemoPlan {
  key: string;
  family: string;
  country: string;
  language: string;
  municipality: string;
  district: 'TREVIGLIO' | 'ROMANO';
  adult: { givenName: string; birthYear: number };
  children: { givenName: string; gender: 'female' | 'male'; birthYear: number }[];
  startedAgo: number;
  /** Days ago of the next review (negative: in the future). */
  reviewAgo: number | null;
  exit?: { reason: 'autonomy_reached' | 'moved' | 'dropped'; ago: number; note: string };
  goals: { area: GoalArea; description: string; status: 'open' | 'in_progress' | 'met'; steps: string[] }[];
  enrolments: {
    offer: string;
    status: 'enrolled' | 'completed' | 'dropped';
    certificate?: boolean;
    ago: number;
  }[];
  meetings: { kind: MeetingKind; ago: number; minutes: number; note: string }[];
  skills?: {
    languages: { language: string; level: string }[];
    education: string;
    country: string;
    recognition: string;
    work: string;
    licence: string;
  };
  placements: DemoPlacement[];
  stay?: { unit: DemoUnitKey; people: number; startsAgo: number; endsAgo?: number };
}

/** What a plan holds, whoever's household it is. */
export type PlanContent = Pick<
  DemoPlan,
  'startedAgo' | 'reviewAgo' | 'exit' | 'goals' | 'enrolments' | 'meetings' | 'skills' | 'placements'
>;
