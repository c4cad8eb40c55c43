import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import type { TConsultation, TConsultationListItem } from '../../src/contracts/consultations.js';
import { casesTestKit } from './support.js';

const { as, ids, call, ok, fields, system, openConsultation } = casesTestKit();

const COURT_REQUEST = {
  requestingAuthority: 'juvenile_court',
  requestReference: 'VG 812/2026',
  requestDate: '2026-09-01',
  coversTeamInvolvement: true,
};
const HYPOTHESIS = 'Ipotesi: il sintomo del bambino parla del lutto non elaborato del nonno.';

const session = () => ({
  heldOn: '2026-10-05',
  durationMinutes: 120,
  place: 'Sede dell’équipe, Treviglio',
  familyExplanation: 'La madre racconta il malocchio che ha colpito il figlio dopo il trasferimento.',
  hypotheses: HYPOTHESIS,
  feedback: 'Al servizio: riprendere i colloqui con la mediatrice presente.',
  nextAppointmentOn: '2026-11-09',
  attendees: [
    { role: 'lead_therapist', userId: ids.lead },
    { role: 'co_therapist', userId: ids.clinica, profession: 'anthropologist' },
    { role: 'mediator', name: 'Amina Mediatrice', language: 'arabo' },
    { role: 'first_line_professional', userId: ids.operatrice, professionalRole: 'assistente sociale' },
    {
      role: 'first_line_professional',
      name: 'Maestra Rossi',
      professionalRole: 'insegnante',
      organisation: 'Scuola primaria Treviglio',
    },
    { role: 'family_member', personId: ids.mother },
    { role: 'family_member', personId: ids.child },
  ],
});

beforeAll(async () => {
  for (const u of ['responsabile', 'clinica', 'operatrice']) {
    const [row] = (await system(sql`select id from users where username = ${u}`)) as { id: string }[];
    ids[u === 'responsabile' ? 'lead' : u] = row!.id;
  }
});

describe('a consultation referral', () => {
  it('opens a consultation, not a case, which the requester sees with its status and deadline only', async () => {
    const { id, caseId, referralId } = await openConsultation();
    expect(caseId).toBeUndefined();
    const [cases] = (await system(
      sql`select count(*)::int as n from cases where referral_id = ${referralId}`,
    )) as { n: number }[];
    expect(cases!.n).toBe(0);
    const team = await ok<TConsultation>('responsabile', 'GET', `/api/consultations/${id}`);
    expect([team.status, team.access, team.kind, team.leadUserId]).toEqual([
      'requested',
      'team',
      'stuck_case',
      ids.lead,
    ]);
    expect(team.reason).toContain('bloccato');
    expect(team.opinionDueOn).not.toBeNull();
    const mine = await ok<TConsultation>('operatrice', 'GET', `/api/consultations/${id}`);
    expect([mine.access, mine.presentation, mine.sessions, mine.familyMembers]).toEqual([
      'requester',
      null,
      null,
      null,
    ]);
    // Both teams' lists, with the deadline.
    for (const who of ['responsabile', 'operatrice']) {
      const list = await ok<TConsultationListItem[]>(who, 'GET', '/api/consultations');
      expect(list.find((k) => k.id === id)?.opinionDueOn).toBe(team.opinionDueOn);
    }
  });
});

describe('the requester and the opinion', () => {
  it('reads the opinion only once approved, and never the presentation, sessions or hypotheses', async () => {
    const { id } = await openConsultation();
    await ok('responsabile', 'PUT', `/api/consultations/${id}/presentation`, {
      summary: 'Famiglia marocchina, il figlio non parla a scuola.',
      axes: ['Lutto migratorio', 'Lingua di casa e lingua della scuola'],
    });
    const withSession = await ok<TConsultation>(
      'responsabile',
      'POST',
      `/api/consultations/${id}/sessions`,
      session(),
    );
    expect(withSession.status).toBe('in_sessions');
    expect(withSession.sessions![0]!.attendees.map((a) => a.role)).toContain('first_line_professional');
    const family = withSession.sessions![0]!.attendees.filter((a) => a.role === 'family_member');
    expect(family.map((a) => a.name).sort()).toEqual(['Fatima Zahra', 'Omar Zahra']);
    const drafted = await ok<TConsultation>('clinica', 'POST', `/api/consultations/${id}/opinions`, {
      text: 'Parere: bozza.',
    });
    expect(drafted.status).toBe('opinion_drafting');
    const beforeApproval = await call('operatrice', 'GET', `/api/consultations/${id}`);
    expect((beforeApproval.json() as TConsultation).opinions).toEqual([]);
    expect(beforeApproval.body).not.toContain('Ipotesi');
    expect(beforeApproval.body).not.toContain('malocchio');
    // The draft's PDF does not exist for the requester.
    const draftId = drafted.opinions[0]!.id;
    expect(
      (await call('operatrice', 'GET', `/api/consultations/${id}/opinions/${draftId}/pdf`)).statusCode,
    ).toBe(404);
    await ok('responsabile', 'POST', `/api/consultations/${id}/opinions/${draftId}/approve`);
    const after = await call('operatrice', 'GET', `/api/consultations/${id}`);
    const read = after.json() as TConsultation;
    expect([read.status, read.opinions.map((o) => [o.version, o.status])]).toEqual([
      'delivered',
      [[1, 'approved']],
    ]);
    expect(after.body).not.toContain('Ipotesi');
    expect(after.body).not.toContain('Famiglia marocchina');
    // Recorded as attending, the first-line professional gains no clinical access.
    expect(read.sessions).toBeNull();
    // The requester cannot write either.
    const write = await call('operatrice', 'POST', `/api/consultations/${id}/opinions`, {
      text: 'Nostro parere',
    });
    expect(write.statusCode).toBe(403);
  });

  it('refuses a session without the lead therapist or with someone outside the referral, naming the fields', async () => {
    const { id } = await openConsultation();
    const bad = await call('responsabile', 'POST', `/api/consultations/${id}/sessions`, {
      ...session(),
      attendees: [
        { role: 'family_member', personId: ids.father },
        { role: 'mediator', name: 'Amina' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['attendees', 'attendees.0.personId', 'attendees.1.language']);
    const [n] = (await system(
      sql`select count(*)::int as n from consultation_sessions where consultation_id = ${id}`,
    )) as { n: number }[];
    expect(n!.n).toBe(0);
  });
});

describe('a court investigation', () => {
  it('needs the court’s request, and the family’s consent when the request does not cover the team', async () => {
    const { id } = await openConsultation({ court: true });
    const noBasis = await call('responsabile', 'PUT', `/api/consultations/${id}/presentation`, {
      summary: 'Indagine psicosociale',
      axes: [],
    });
    expect(noBasis.statusCode).toBe(422);
    expect(fields(noBasis)).toEqual(['courtRequest']);
    // The family withdraws its consent to the consultation.
    await system(sql`update consents set revoked_at = now() where person_id in (${ids.mother}, ${ids.child})
                       and purpose = 'consultation'`);
    const uncovered = await call('responsabile', 'PATCH', `/api/consultations/${id}`, {
      courtRequest: { ...COURT_REQUEST, coversTeamInvolvement: false },
    });
    expect(uncovered.statusCode).toBe(422);
    expect(fields(uncovered)).toEqual(['courtRequest.coversTeamInvolvement']);
    const [kept] = (await system(sql`select requesting_authority from consultations where id = ${id}`)) as {
      requesting_authority: string | null;
    }[];
    expect(kept!.requesting_authority).toBeNull();
    const covered = await ok<TConsultation>('responsabile', 'PATCH', `/api/consultations/${id}`, {
      courtRequest: COURT_REQUEST,
    });
    expect(covered.courtRequest).toEqual(COURT_REQUEST);
    await ok('responsabile', 'PUT', `/api/consultations/${id}/presentation`, {
      summary: 'Indagine',
      axes: ['Genitorialità'],
    });
  });
});

describe('the written opinion', () => {
  it('is approved by the lead only, frozen once approved, revised as a new version', async () => {
    const { id } = await openConsultation();
    const drafted = await ok<TConsultation>('clinica', 'POST', `/api/consultations/${id}/opinions`, {
      text: 'Prima versione',
    });
    const v1 = drafted.opinions[0]!.id;
    const twice = await call('clinica', 'POST', `/api/consultations/${id}/opinions`, { text: 'Altra' });
    expect([twice.statusCode, fields(twice)]).toEqual([409, ['text']]);
    const notLead = await call('clinica', 'POST', `/api/consultations/${id}/opinions/${v1}/approve`);
    expect(notLead.statusCode).toBe(403);
    // Nor does a co-therapist become the lead by naming themselves: only the lead names another.
    const selfNamed = await call('clinica', 'PATCH', `/api/consultations/${id}`, { leadUserId: ids.clinica });
    expect([selfNamed.statusCode, fields(selfNamed)]).toEqual([403, ['leadUserId']]);
    const supervisor = await call('supervisora', 'POST', `/api/consultations/${id}/opinions/${v1}/approve`);
    expect(supervisor.statusCode).toBe(403);
    await ok('clinica', 'PUT', `/api/consultations/${id}/opinions/${v1}`, {
      text: 'Prima versione, rivista',
    });
    await ok('responsabile', 'POST', `/api/consultations/${id}/opinions/${v1}/approve`);
    const edit = await call('responsabile', 'PUT', `/api/consultations/${id}/opinions/${v1}`, {
      text: 'Cambiata',
    });
    expect([edit.statusCode, fields(edit)]).toEqual([409, ['text']]);
    // The database keeps it frozen even for the owner.
    await expect(
      system(sql`update consultation_opinions set text = 'manomesso' where id = ${v1}`),
    ).rejects.toThrow();
    const v2 = await ok<TConsultation>('clinica', 'POST', `/api/consultations/${id}/opinions`, {
      text: 'Seconda',
    });
    expect(v2.opinions.map((o) => [o.version, o.status, o.text])).toEqual([
      [2, 'draft', 'Seconda'],
      [1, 'approved', 'Prima versione, rivista'],
    ]);
  });

  it('downloads as a PDF watermarked with the reader and the date, each download audited', async () => {
    const { id } = await openConsultation();
    const drafted = await ok<TConsultation>('responsabile', 'POST', `/api/consultations/${id}/opinions`, {
      text: 'Il parere dell’équipe sulla famiglia.',
    });
    const opinionId = drafted.opinions[0]!.id;
    await ok('responsabile', 'POST', `/api/consultations/${id}/opinions/${opinionId}/approve`);
    const pdf = await as.operatrice!.request({
      method: 'GET',
      url: `/api/consultations/${id}/opinions/${opinionId}/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('Paola Operatrice');
    expect(text).toContain('Il parere dell’équipe');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    expect(text).toContain(today);
    const [audited] = (await system(
      sql`select count(*)::int as n from audit_events where action = 'consultation.opinion_downloaded'
            and record_type = 'consultation' and record_id = ${id}`,
    )) as { n: number }[];
    expect(audited!.n).toBe(1);
  });
});

describe('turning a consultation into a case', () => {
  it('opens the case with the same household, people and referral, nothing retyped, linked both ways', async () => {
    const { id, referralId } = await openConsultation();
    const outsider = await call('operatrice', 'POST', `/api/consultations/${id}/convert`);
    expect(outsider.statusCode).toBe(403);
    const { caseId } = await ok<{ caseId: string }>(
      'responsabile',
      'POST',
      `/api/consultations/${id}/convert`,
    );
    const opened = await ok<TCase>('responsabile', 'GET', `/api/cases/${caseId}`);
    expect(opened.referral.id).toBe(referralId);
    const [row] = (await system(
      sql`select c.household_id, k.household_id as consulted from cases c join consultations k on k.case_id = c.id
          where c.id = ${caseId}`,
    )) as { household_id: string; consulted: string }[];
    expect(row!.household_id).toBe(row!.consulted);
    expect(row!.household_id).toBe(ids.household);
    const after = await ok<TConsultation>('responsabile', 'GET', `/api/consultations/${id}`);
    expect([after.status, after.caseId]).toEqual(['converted', caseId]);
    expect(await ok('responsabile', 'GET', `/api/cases/${caseId}/consultation`)).toEqual({
      consultationId: id,
    });
    // The requester is the case's referrer; the converted consultation is history.
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`)).access).toBe('referrer');
    const again = await call('responsabile', 'POST', `/api/consultations/${id}/convert`);
    expect(again.statusCode).toBe(409);
  });
});

describe('who reaches a consultation', () => {
  it('gives outsiders a 404 and the supervisor a read without writing', async () => {
    const { id } = await openConsultation();
    await ok('responsabile', 'POST', `/api/consultations/${id}/sessions`, session());
    expect((await call('operatore.romano', 'GET', `/api/consultations/${id}`)).statusCode).toBe(404);
    expect(
      (await call('operatore.romano', 'POST', `/api/consultations/${id}/opinions`, { text: 'x' })).statusCode,
    ).toBe(404);
    const list = await ok<TConsultationListItem[]>('operatore.romano', 'GET', '/api/consultations');
    expect(list.find((k) => k.id === id)).toBeUndefined();
    const supervised = await ok<TConsultation>('supervisora', 'GET', `/api/consultations/${id}`);
    expect([supervised.access, supervised.sessions?.[0]?.hypotheses]).toEqual(['supervisor', HYPOTHESIS]);
    const write = await call('supervisora', 'PUT', `/api/consultations/${id}/presentation`, {
      summary: 'x',
      axes: [],
    });
    expect(write.statusCode).toBe(403);
    const [denied] = (await system(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${id}`,
    )) as { n: number }[];
    expect(denied!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('the demo', () => {
  it('shows a consultation at every stage, one a court investigation on the Tribunale’s request', async () => {
    const rows = (await system(
      sql`select k.status, k.kind, k.requesting_authority, k.case_id is not null as has_case
          from consultations k join services s on s.id = k.service_id
          where s.name like 'Équipe etnoclinica%' order by k.created_at`,
    )) as { status: string; kind: string; requesting_authority: string | null; has_case: boolean }[];
    // Seeded in one transaction (one created_at): the stages compared as a set.
    const seeded = rows.slice(0, 6);
    expect(seeded.map((r) => r.status).sort()).toEqual([
      'converted',
      'delivered',
      'in_sessions',
      'opinion_drafting',
      'presentation',
      'requested',
    ]);
    expect(seeded.filter((r) => r.kind === 'court_investigation').map((r) => r.requesting_authority)).toEqual(
      ['juvenile_court'],
    );
    expect(seeded.find((r) => r.status === 'converted')?.has_case).toBe(true);
    // The team's Home shows the deadlines (one late, one within days); so does the requester's.
    for (const who of ['responsabile', 'operatrice']) {
      const home = await ok<{ attention: { kind: string; count: number }[] }>(who, 'GET', '/api/home');
      expect(
        home.attention.find((a) => a.kind === 'consultation_opinions_due')?.count,
      ).toBeGreaterThanOrEqual(2);
    }
  });
});
