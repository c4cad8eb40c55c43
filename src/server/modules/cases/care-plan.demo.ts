import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { syncCasePlanStatus } from './care-plan.repository.js';
import {
  caseAssessments,
  casePlanGoals,
  casePlanProgress,
  casePlanReviews,
  casePlanVersions,
} from './care-plan.sql.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);

/**
 * Assessments, the versioned plan and its reviews (issue 22, items 1-2), on the demo's open case whose
 * plan was approved long ago (the Popescu family, cases.demo.ts): two dated assessments of the child
 * (start and middle), an approved version with progress on a goal, a draft returned by the
 * supervisor with comments, and one review. Written as the owner, like all seeding.
 */
export async function seedDemoCarePlan({ tx, serviceIds, userIds }: DemoSeedContext): Promise<void> {
  const lead = userIds.get('responsabile')!;
  const clinica = userIds.get('clinica')!;
  const supervisora = userIds.get('supervisora')!;
  const [found] = await queryRows<{ id: string; child: string; mother: string }>(
    tx,
    sql`select c.id,
          (select p.id from people p where p.household_id = c.household_id and p.case_role = 'child' order by p.position limit 1) as child,
          (select p.id from people p where p.household_id = c.household_id and p.case_role <> 'child' order by p.position limit 1) as mother
        from cases c where c.service_id = ${serviceIds.get('etnoclinica')!} and c.status = 'open' and c.plan_status = 'approved'
        order by c.opened_at limit 1`,
  );
  if (!found?.child || !found.mother) return;
  const caseId = found.id;

  await tx.insert(caseAssessments).values([
    {
      caseId,
      personId: found.child,
      stage: 'start',
      assessedOn: dateAgo(118),
      childNeeds: 'Andrei fatica a concentrarsi a scuola; dorme poco; parla poco di ciò che ha visto a casa.',
      parentResponses: 'La madre è protettiva ma stanca; teme di non essere creduta dai servizi.',
      familyEnvironment: 'Appena uscita dalla casa familiare; nessuna rete in Italia; lavoro precario.',
      strengths: 'Legame forte madre-figlio; la scuola è attenta.',
      risks: 'Contatti del padre non regolati; la madre non conosce i propri diritti.',
      riskLevel: 'high',
      concerns: ['physical_assault', 'psychological_abuse'],
      childVoice: 'Dice che vuole restare nella sua classe e che la mamma “non deve più piangere”.',
      childAssent: 'given',
      authorId: lead,
      createdAt: ago(118),
    },
    {
      caseId,
      personId: found.child,
      stage: 'middle',
      assessedOn: dateAgo(20),
      childNeeds: 'Dorme meglio; a scuola è più presente; chiede di fare sport.',
      parentResponses: 'La madre partecipa ai colloqui e al corso di italiano; più fiducia nei servizi.',
      familyEnvironment: 'Alloggio stabile; una vicina e la parrocchia come rete.',
      strengths: 'Rete che si allarga; la madre si orienta da sola negli uffici.',
      risks: 'Il padre chiede di vedere il figlio senza il tribunale.',
      riskLevel: 'medium',
      concerns: ['psychological_abuse'],
      childVoice: 'Racconta della squadra di calcio; del padre non vuole parlare.',
      childAssent: 'given',
      authorId: clinica,
      createdAt: ago(20),
    },
  ]);

  // Version 1: drafted, submitted, approved (goals written while a draft, then frozen).
  const [v1] = await tx
    .insert(casePlanVersions)
    .values({ caseId, number: 1, status: 'draft', createdBy: lead, createdAt: ago(108) })
    .returning({ id: casePlanVersions.id });
  const goals = await tx
    .insert(casePlanGoals)
    .values([
      {
        versionId: v1!.id,
        personId: found.child,
        dimension: 'child_needs',
        text: 'Ritrovare un sonno regolare e la concentrazione a scuola',
        responsibleKind: 'outside_service',
        responsibleService: 'Neuropsichiatria infantile (NPI) di Treviglio',
        indicator: 'Notti senza risvegli; giudizio degli insegnanti',
        dueOn: dateAgo(-60),
        position: 0,
      },
      {
        versionId: v1!.id,
        personId: found.child,
        dimension: 'parent_responses',
        text: 'Sostenere la madre nel suo ruolo genitoriale',
        responsibleKind: 'user',
        responsibleUserId: clinica,
        indicator: 'Colloqui mensili svolti; la madre riferisce meno ansia',
        dueOn: dateAgo(-30),
        position: 1,
      },
      {
        versionId: v1!.id,
        personId: found.child,
        dimension: 'family_environment',
        text: 'Costruire una rete di sostegno nel quartiere',
        responsibleKind: 'family_member',
        responsiblePersonId: found.mother,
        indicator: 'Almeno due persone a cui chiedere aiuto',
        dueOn: dateAgo(-90),
        position: 2,
      },
    ])
    .returning();
  await tx
    .update(casePlanVersions)
    .set({
      status: 'approved',
      submittedBy: lead,
      submittedAt: ago(104),
      decidedBy: supervisora,
      decidedAt: ago(100),
      frozenGoals: goals,
    })
    .where(eq(casePlanVersions.id, v1!.id));
  const progressAt = ago(25);
  await tx
    .update(casePlanGoals)
    .set({
      progress: 'in_progress',
      progressNote: 'Dorme meglio da quando va in NPI.',
      progressAt,
      progressBy: clinica,
    })
    .where(eq(casePlanGoals.id, goals[0]!.id));
  await tx.insert(casePlanProgress).values({
    goalId: goals[0]!.id,
    status: 'in_progress',
    note: 'Dorme meglio da quando va in NPI.',
    recordedBy: clinica,
    recordedAt: progressAt,
  });

  // One review of version 1, held with the school and the NPI (a case conference).
  await tx.insert(casePlanReviews).values({
    caseId,
    versionId: v1!.id,
    heldOn: dateAgo(15),
    caseConference: true,
    participants: [
      { kind: 'family', personId: found.mother },
      { kind: 'team_user', userId: lead },
      {
        kind: 'outside_professional',
        name: 'Dott.ssa Neri',
        role: 'Neuropsichiatra',
        organisation: 'NPI Treviglio',
      },
      {
        kind: 'outside_professional',
        name: 'Maestra Colombo',
        role: 'Insegnante',
        organisation: 'Scuola primaria',
      },
    ],
    outcomes: [
      { goalId: goals[0]!.id, outcome: 'partly', note: 'Sonno migliorato, concentrazione ancora bassa.' },
      { goalId: goals[1]!.id, outcome: 'met' },
      { goalId: goals[2]!.id, outcome: 'changed', note: 'Va aggiunto lo sport come risorsa.' },
    ],
    summary: 'Miglioramenti evidenti; si propone di aggiornare il piano con lo sport e la scuola.',
    nextReviewOn: dateAgo(-75),
    recordedBy: lead,
    createdAt: ago(15),
  });

  // Version 2: copied from version 1 with a new goal, submitted, returned with the supervisor's comments.
  const [v2] = await tx
    .insert(casePlanVersions)
    .values({ caseId, number: 2, status: 'draft', basedOnId: v1!.id, createdBy: lead, createdAt: ago(12) })
    .returning({ id: casePlanVersions.id });
  await tx.insert(casePlanGoals).values([
    ...goals.map((g) => ({ ...g, id: undefined, versionId: v2!.id, originGoalId: g.id })),
    {
      versionId: v2!.id,
      personId: found.child,
      dimension: 'child_needs',
      text: 'Iscrizione alla squadra di calcio del quartiere',
      responsibleKind: 'outside_service',
      responsibleService: 'Polisportiva di Treviglio',
      indicator: 'Frequenza agli allenamenti',
      position: 3,
    },
  ]);
  await tx
    .update(casePlanVersions)
    .set({
      status: 'returned',
      submittedBy: lead,
      submittedAt: ago(10),
      decidedBy: supervisora,
      decidedAt: ago(8),
      decisionComment:
        'Bene lo sport. Manca un obiettivo sui contatti con il padre: chi li regola, con quali garanzie per Andrei?',
    })
    .where(eq(casePlanVersions.id, v2!.id));
  await syncCasePlanStatus({ tx, caseId });
}
