import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TResearchSession, TSessionPractice } from '../../src/contracts/case-services.js';
import type { TSession } from '../../src/contracts/cases.js';
import type { TConsent } from '../../src/contracts/households.js';
import { casesTestKit } from './support.js';

/**
 * Researchers in sessions (issue 22, item 4): offered and recorded only for a family whose every
 * member has a research consent in force; their notes are pseudonymised before they are stored and
 * read by their author only; a revoked consent stops them, on the service and in the database.
 */
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

const researchConsent = (extra: object = {}) => ({
  givenBy: 'self',
  purpose: 'research',
  givenOn: '2026-01-10',
  method: 'written',
  ...extra,
});
const practiceUrl = () => `/api/sessions/${ids.session}/practice`;
const participantsUrl = () => `/api/sessions/${ids.session}/outside-participants`;

beforeAll(async () => {
  await registerFamily();
  ids.case = (await openCaseFor([ids.mother!, ids.child!])).caseId;
  const session = await ok<TSession>('responsabile', 'POST', `/api/cases/${ids.case}/sessions`, {
    kind: 'consultation',
    startsAt: '2026-05-01T10:00:00Z',
    durationMinutes: 90,
    place: 'service',
    personIds: [ids.mother, ids.child],
  });
  ids.session = session.id;
  ids.researcher = await t.userId('ricercatrice');
});

describe('researchers in sessions', () => {
  it('are offered and recorded only once every person of the case has a research consent', async () => {
    expect((await ok<TSessionPractice>('responsabile', 'GET', practiceUrl())).researchers).toEqual([]);
    const refused = await call('responsabile', 'POST', participantsUrl(), {
      role: 'researcher',
      userId: ids.researcher,
    });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['userId']);
    // The mother alone is not the family: the child's consent (by his representative) is needed too.
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, researchConsent());
    expect((await ok<TSessionPractice>('responsabile', 'GET', practiceUrl())).researchers).toEqual([]);
    const child = await ok<TConsent>(
      'operatrice',
      'POST',
      `/api/people/${ids.child}/consents`,
      researchConsent({ givenBy: 'legal_representative', representativeName: 'Fatima Zahra' }),
    );
    ids.childConsent = child.id;
    const offered = (await ok<TSessionPractice>('responsabile', 'GET', practiceUrl())).researchers;
    expect(offered.map((r) => r.id)).toContain(ids.researcher);
    const added = await ok<TSessionPractice>('responsabile', 'POST', participantsUrl(), {
      role: 'researcher',
      userId: ids.researcher,
    });
    expect(added.outsideParticipants.find((p) => p.role === 'researcher')).toMatchObject({
      name: expect.any(String),
    });
    // Recorded as a participant, never on the team: the case stays closed to the researcher.
    expect((await call('ricercatrice', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(403);
  });

  it('pseudonymise the researcher’s notes before they are stored, and show them to their author only', async () => {
    const [mine] = await ok<TResearchSession[]>('ricercatrice', 'GET', '/api/research/sessions');
    expect(mine).toMatchObject({ id: ids.session, status: 'held', canWrite: true, notes: [] });
    expect(mine!.caseCode).toMatch(/^C-/);
    // The consent test answers only the researcher or the case's team: asked by anyone else (here a
    // connection with no user), it says no even while the consent is in force.
    const [probe] = (await system(
      sql`select trama_session_research_consented(${ids.session}::uuid, ${ids.researcher}::uuid) as ok`,
    )) as { ok: boolean }[];
    expect(probe!.ok).toBe(false);
    const written = await ok<TResearchSession>(
      'ricercatrice',
      'POST',
      `/api/research/sessions/${ids.session}/notes`,
      {
        body: 'Fatima Zahra racconta il viaggio; Omar disegna la casa dei nonni.',
      },
    );
    const body = written.notes[0]!.body;
    expect(body).not.toMatch(/Fatima|Zahra|Omar/);
    expect(body).toMatch(/^P-\S+ racconta il viaggio; P-\S+ disegna la casa dei nonni\.$/);
    // Stored encrypted and already pseudonymised: the name is nowhere in the row.
    const [row] = (await system(
      sql`select body_encrypted from session_research_notes where session_id = ${ids.session}`,
    )) as {
      body_encrypted: string;
    }[];
    expect(row!.body_encrypted).not.toContain('Fatima');
    // Nobody else reads the researcher's list, and the team cannot write research notes.
    for (const who of ['responsabile', 'operatrice', 'dpo'])
      expect((await call(who, 'GET', '/api/research/sessions')).statusCode, who).toBe(403);
  });

  it('stop once a family member revokes the research consent, in the service and in the database', async () => {
    await ok('operatrice', 'POST', `/api/consents/${ids.childConsent}/revoke`, {
      reason: 'Ritirato dalla madre',
    });
    const [mine] = await ok<TResearchSession[]>('ricercatrice', 'GET', '/api/research/sessions');
    expect(mine!.canWrite).toBe(false);
    const refused = await call('ricercatrice', 'POST', `/api/research/sessions/${ids.session}/notes`, {
      body: 'Altra nota',
    });
    expect(refused.statusCode).toBe(409);
    expect((await ok<TSessionPractice>('responsabile', 'GET', practiceUrl())).researchers).toEqual([]);
    // Another session's notes are not the researcher's to write.
    expect(
      (await call('ricercatrice', 'POST', `/api/research/sessions/${ids.case}/notes`, { body: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});
