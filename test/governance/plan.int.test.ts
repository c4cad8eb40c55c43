import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TActivity, TMilestone, TPlan, TRisk } from '../../src/contracts/governance-plan.js';
import { COORDINATOR, FUNDRAISER, governanceTestKit } from './support.js';

const { call, ok, fields, system, userId, makeCommittee } = governanceTestKit();
const PRACTITIONER = 'operatrice';

const pdfText = (body: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'report.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('the project plan', () => {
  it('is read by practitioners and fundraisers, who cannot change it', async () => {
    for (const who of [PRACTITIONER, FUNDRAISER]) {
      const plan = await ok<TPlan>(who, 'GET', '/api/governance/plan');
      expect(plan.workPackages.map((w) => w.code)).toEqual(['wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7']);
      expect(plan.canEdit).toBe(false);
    }
    const res = await call(PRACTITIONER, 'POST', '/api/governance/plan/activities', {
      workPackage: 'wp3',
      title: 'Non consentita',
      startsOn: '2026-01-01',
      endsOn: '2026-02-01',
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an activity ending before it starts, naming the field, and changes nothing', async () => {
    const res = await call(COORDINATOR, 'POST', '/api/governance/plan/activities', {
      workPackage: 'wp3',
      title: 'Attività sbagliata',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['endsOn']);
    expect(await system(sql`select 1 from governance_activities where title = 'Attività sbagliata'`)).toEqual(
      [],
    );
  });

  it('lets a coordinator add an activity and post an update that sets its status', async () => {
    const a = await ok<TActivity>(COORDINATOR, 'POST', '/api/governance/plan/activities', {
      workPackage: 'wp5',
      title: 'Corso di italiano serale',
      startsOn: '2026-01-10',
      endsOn: '2026-12-20',
    });
    expect(a.status).toBe('not_started');
    const updated = await ok<TActivity>(
      COORDINATOR,
      'POST',
      `/api/governance/plan/activities/${a.id}/updates`,
      {
        status: 'delayed',
        note: 'Manca l’aula.',
      },
    );
    expect(updated.status).toBe('delayed');
    expect(updated.latestUpdate?.note).toBe('Manca l’aula.');
    const plan = await ok<TPlan>(PRACTITIONER, 'GET', '/api/governance/plan');
    const found = plan.workPackages.find((w) => w.code === 'wp5')!.activities.find((x) => x.id === a.id);
    expect(found?.status).toBe('delayed');
    const edit = await call(COORDINATOR, 'PATCH', `/api/governance/plan/activities/${a.id}`, {
      endsOn: '2025-12-31',
    });
    expect(fields(edit)).toEqual(['endsOn']);
  });

  it('flags a milestone due in the past and not reached as late, until it is reached', async () => {
    const m = await ok<TMilestone>(COORDINATOR, 'POST', '/api/governance/plan/milestones', {
      workPackage: 'wp2',
      title: 'Milestone scaduta di prova',
      dueOn: '2026-01-15',
    });
    expect(m.late).toBe(true);
    const future = await call(COORDINATOR, 'POST', `/api/governance/plan/milestones/${m.id}/reached`, {
      reachedOn: '2099-01-01',
    });
    expect(fields(future)).toEqual(['reachedOn']);
    const later = await ok<TMilestone>(COORDINATOR, 'POST', '/api/governance/plan/milestones', {
      workPackage: 'wp2',
      title: 'Milestone futura di prova',
      dueOn: '2099-01-15',
    });
    expect(later.late).toBe(false);
    const reached = await ok<TMilestone>(
      COORDINATOR,
      'POST',
      `/api/governance/plan/milestones/${later.id}/reached`,
      {
        reachedOn: new Date().toISOString().slice(0, 10),
      },
    );
    expect(reached.reachedOn).not.toBeNull();
  });
});

describe('editing the plan from its page', () => {
  it('lets a coordinator change a milestone and a risk; readers are refused and nothing changes', async () => {
    const m = await ok<TMilestone>(COORDINATOR, 'POST', '/api/governance/plan/milestones', {
      workPackage: 'wp6',
      title: 'Accordo di rete firmato',
      dueOn: '2099-03-01',
    });
    const moved = await ok<TMilestone>(COORDINATOR, 'PATCH', `/api/governance/plan/milestones/${m.id}`, {
      title: 'Accordo di rete firmato da tutti',
      responsibleOrganisationId: null,
      dueOn: '2099-04-01',
    });
    expect(moved).toMatchObject({
      title: 'Accordo di rete firmato da tutti',
      dueOn: '2099-04-01',
      late: false,
    });
    const risk = await ok<TRisk>(COORDINATOR, 'POST', '/api/governance/plan/risks', {
      kind: 'issue',
      workPackage: null,
      title: 'Turnover delle operatrici',
      likelihood: 'medium',
      impact: 'high',
      mitigation: 'Affiancamento delle nuove operatrici.',
    });
    expect(risk).toMatchObject({ status: 'open', workPackage: null });
    const closed = await ok<TRisk>(COORDINATOR, 'PATCH', `/api/governance/plan/risks/${risk.id}`, {
      likelihood: 'low',
      status: 'mitigated',
      ownerId: null,
    });
    expect(closed).toMatchObject({ likelihood: 'low', impact: 'high', status: 'mitigated' });
    const plan = await ok<TPlan>(PRACTITIONER, 'GET', '/api/governance/plan');
    expect(plan.projectRisks.find((r) => r.id === risk.id)?.status).toBe('mitigated');
    for (const who of [PRACTITIONER, FUNDRAISER]) {
      const res = await call(who, 'PATCH', `/api/governance/plan/risks/${risk.id}`, {
        title: 'Non consentita',
      });
      expect(res.statusCode, who).toBe(403);
    }
    const badOwner = await call(COORDINATOR, 'PATCH', `/api/governance/plan/risks/${risk.id}`, {
      ownerId: await userId(PRACTITIONER),
    });
    expect(fields(badOwner)).toEqual(['ownerId']);
    const [row] = await system<{ title: string; owner_id: string | null }>(
      sql`select title, owner_id from governance_risks where id = ${risk.id}`,
    );
    expect(row).toEqual({ title: 'Turnover delle operatrici', owner_id: null });
  });
});

describe('the demo plan', () => {
  it('has late milestones and a lead partner in every work package', async () => {
    const [late] = await system<{ n: number }>(
      sql`select count(*)::int as n from governance_milestones where reached_on is null and due_on < current_date`,
    );
    expect(late!.n).toBeGreaterThanOrEqual(3);
    const leads = await system<{ work_package: string }>(
      sql`select distinct work_package from governance_partner_roles where role = 'lead' order by 1`,
    );
    expect(leads.map((l) => l.work_package)).toEqual(['wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7']);
  });
});

describe('the monthly progress report', () => {
  it('prints the month in words, a late milestone and an open action, and is audited', async () => {
    await ok(COORDINATOR, 'POST', '/api/governance/plan/milestones', {
      workPackage: 'wp4',
      title: 'Rapporto di ricerca mai consegnato',
      dueOn: '2026-02-01',
    });
    const committee = await makeCommittee({ members: { [COORDINATOR]: 'chair' } });
    await system(
      sql`insert into governance_actions (committee_id, title, owner_id, due_on, created_by)
          values (${committee.id}, 'Preparare il bilancio sociale', ${await userId(COORDINATOR)}, current_date + 10,
                  ${await userId(COORDINATOR)})`,
    );
    const month = thisMonth();
    const res = await call(COORDINATOR, 'GET', `/api/governance/reports/progress?month=${month}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    const monthName = new Intl.DateTimeFormat('it-IT', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
    expect(text).toContain(monthName);
    expect(text).toContain('Rapporto di ricerca mai consegnato');
    expect(text).toContain('Preparare il bilancio sociale');
    const [audit] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'governance.report_generated'
           and actor_user_id = ${await userId(COORDINATOR)}`,
    );
    expect(audit!.n).toBeGreaterThan(0);
    // The practitioner reads the plan but sits on no committee: the action is not theirs to see.
    const theirs = pdfText(
      (await call(PRACTITIONER, 'GET', `/api/governance/reports/progress?month=${month}`)).rawPayload,
    );
    expect(theirs).toContain('Rapporto di ricerca mai consegnato');
    expect(theirs).not.toContain('Preparare il bilancio sociale');
    expect(theirs).toContain('non disponibile per il tuo ruolo');
  });

  it('refuses a future or malformed month naming the field', async () => {
    for (const month of ['2999-01', '2026-13', 'giugno']) {
      const res = await call(COORDINATOR, 'GET', `/api/governance/reports/progress?month=${month}`);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['month']);
    }
  });
});
