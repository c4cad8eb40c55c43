import type { TCommitteeKind, TCommitteeRole } from '../../../contracts/governance-codes.js';
import type { DemoSeedContext } from '../../platform/module.js';
import {
  governanceAgendaItems,
  governanceAttendance,
  governanceCommittees,
  governanceMeetings,
  governanceMembers,
} from './governance.sql.js';

/**
 * Demo data of governance's committees (issue 21): the steering committee meeting monthly for a
 * year (and next month), the follow-up unit every two months, the communication working group each
 * quarter; agendas about the work packages, attendance of the meetings held. People invented.
 */

interface DemoCommittee {
  kind: TCommitteeKind;
  name: string;
  description: string;
  quorum: number;
  accounts: [string, TCommitteeRole][];
  externals: { name: string; organisation: string; email: string }[];
  /** Months from now of its meetings (negative: held). */
  months: number[];
  place: string;
  link: string | null;
  agenda: string[];
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

const COMMITTEES: DemoCommittee[] = [
  {
    kind: 'steering',
    name: 'Cabina di regia',
    description: 'Indirizzo strategico del progetto: approva il piano annuale, il bilancio e le variazioni.',
    quorum: 5,
    accounts: [
      ['coordinatrice', 'chair'],
      ['animatrice.comunita', 'secretary'],
      ['supervisora', 'member'],
      ['coordinatrice.abitare', 'member'],
      ['formatore', 'member'],
      ['raccolta.fondi', 'member'],
      ['responsabile', 'member'],
    ],
    externals: [
      {
        name: 'Prof.ssa Chiara Bellini',
        organisation: 'Università degli Studi di Bergamo',
        email: 'chiara.bellini@example.org',
      },
      {
        name: 'Dott. Marco Ferrandi',
        organisation: 'Fondazione Territori Solidali',
        email: 'm.ferrandi@example.org',
      },
    ],
    months: range(-12, 1, 1),
    place: 'Sala consiliare, Municipio di Treviglio',
    link: 'https://meet.example.org/cabina-di-regia',
    agenda: [
      'Approvazione del verbale della seduta precedente',
      'Stato di avanzamento dei pacchetti di lavoro (WP1–WP7)',
      'Presa in carico integrata: esiti del trimestre (WP2)',
      'Percorsi di autonomia abitativa: alloggi disponibili e contributi (WP4)',
      'Formazione congiunta degli operatori: calendario delle prossime edizioni (WP3)',
      'Piano di raccolta fondi e nuove candidature a bandi (WP6)',
      'Rendicontazione intermedia al finanziatore',
      'Comunicazione e sensibilizzazione nei comuni dell’Ambito (WP7)',
      'Rischi del progetto e misure di mitigazione',
    ],
  },
  {
    kind: 'follow_up',
    name: 'Unità permanente di monitoraggio',
    description: 'Segue gli indicatori del progetto e ciò che resta dopo la sua conclusione.',
    quorum: 3,
    accounts: [
      ['supervisora', 'chair'],
      ['animatrice.comunita', 'secretary'],
      ['coordinatrice', 'member'],
      ['ricercatrice', 'member'],
      ['raccolta.fondi', 'member'],
    ],
    externals: [],
    months: range(-12, 0, 2),
    place: 'Sede dell’Ufficio di Piano, Treviglio',
    link: null,
    agenda: [
      'Indicatori dell’osservatorio: andamento del bimestre (WP5)',
      'Attività che proseguono dopo il progetto e loro copertura',
      'Recepimento delle innovazioni nel Piano di Zona',
      'Sinergie con altri programmi e bandi regionali',
      'Rapporto di sostenibilità: bozza da condividere',
    ],
  },
  {
    kind: 'working_group',
    name: 'Gruppo di lavoro comunicazione',
    description: 'Prepara i materiali informativi e la presenza del progetto sui media locali.',
    quorum: 2,
    accounts: [
      ['coordinatrice', 'chair'],
      ['redazione', 'secretary'],
    ],
    externals: [],
    months: range(-9, 0, 3),
    place: 'Sala riunioni, sede del capofila',
    link: 'https://meet.example.org/comunicazione',
    agenda: [
      'Newsletter del trimestre: temi e scadenze',
      'Materiali plurilingue per gli sportelli (WP7)',
      'Evento pubblico di restituzione dei risultati',
    ],
  },
];

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

/** The 15th of the month `offset` months from now, at 10:00 in Rome (09:00 UTC, near enough in summer too). */
function meetingStart(offset: number, committeeIndex: number) {
  const now = new Date();
  return new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() + offset,
      15 + committeeIndex * 3,
      9 - committeeIndex,
      0,
    ),
  );
}

export async function seedDemoCommittees(context: DemoSeedContext): Promise<void> {
  const { tx, userIds } = context;
  const user = (username: string) => {
    const id = userIds.get(username);
    if (!id) throw new Error(`demo account ${username} missing`);
    return id;
  };
  const since = new Date(Date.now() - 13 * MONTH_MS).toISOString().slice(0, 10);
  for (const [index, c] of COMMITTEES.entries()) {
    const chair = user(c.accounts[0]![0]);
    const [committee] = await tx
      .insert(governanceCommittees)
      .values({ kind: c.kind, name: c.name, description: c.description, quorum: c.quorum, createdBy: chair })
      .returning({ id: governanceCommittees.id });
    const members = await tx
      .insert(governanceMembers)
      .values([
        ...c.accounts.map(([username, role]) => ({
          committeeId: committee!.id,
          userId: user(username),
          role,
          since,
        })),
        ...c.externals.map((e) => ({
          committeeId: committee!.id,
          externalName: e.name,
          externalOrganisation: e.organisation,
          externalEmail: e.email,
          role: 'member',
          since,
        })),
      ])
      .returning({ id: governanceMembers.id });
    const starts = c.months.map((m) => meetingStart(m, index));
    const meetings = await tx
      .insert(governanceMeetings)
      .values(
        starts.map((startsAt) => ({
          committeeId: committee!.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
          place: c.place,
          link: c.link,
          status: startsAt.getTime() < Date.now() ? 'held' : 'planned',
          createdBy: chair,
        })),
      )
      .returning({ id: governanceMeetings.id, status: governanceMeetings.status });
    const agenda = meetings.flatMap((meeting, m) => {
      const count = 3 + (m % 2);
      return Array.from({ length: count }, (_, i) => ({
        meetingId: meeting.id,
        position: i + 1,
        // The minutes come first, then a rotation through the committee's topics.
        title: i === 0 ? c.agenda[0]! : c.agenda[1 + ((m * 2 + i) % (c.agenda.length - 1))]!,
        presenterMemberId: members[(m + i) % Math.min(members.length, c.accounts.length)]!.id,
      }));
    });
    await tx.insert(governanceAgendaItems).values(agenda);
    const attendance = meetings
      .filter((meeting) => meeting.status === 'held')
      .flatMap((meeting, m) =>
        members.map((member, i) => ({
          meetingId: meeting.id,
          memberId: member.id,
          // Mostly present; now and then someone excused or absent (one meeting short of the quorum).
          state: (i + m) % 5 === 4 ? 'excused' : m === 3 && i > 1 ? 'absent' : 'present',
          recordedBy: user(c.accounts[1]![0]),
        })),
      );
    if (attendance.length > 0) await tx.insert(governanceAttendance).values(attendance);
  }
}
