import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEADLINE_REMINDERS_JOB } from '../../src/server/modules/governance/governance-fundraising-reminders.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { COORDINATOR, FUNDRAISER, governanceTestKit } from './support.js';

const { t, call, ok, fields, system, userId } = governanceTestKit();
const PRACTITIONER = 'operatrice';

async function newFunder(name = `Fondazione ${Math.random().toString(36).slice(2, 8)}`) {
  return ok<{ id: string; name: string }>(FUNDRAISER, 'POST', '/api/fundraising/funders', {
    kind: 'foundation',
    name,
    contactName: 'Anna Test',
    contactEmail: 'anna@example.org',
  });
}

async function newOpportunity(extra: Record<string, unknown> = {}) {
  const funder = await newFunder();
  return ok<{ id: string; stage: string }>(FUNDRAISER, 'POST', '/api/fundraising/opportunities', {
    funderId: funder.id,
    title: 'Bando prova',
    askedCents: 100_000,
    paysFor: 'Operatori',
    ownerId: await userId(FUNDRAISER),
    ...extra,
  });
}

const move = (id: string, body: Record<string, unknown>, who = FUNDRAISER) =>
  call(who, 'POST', `/api/fundraising/opportunities/${id}/move`, body);

describe('fundraising: opportunities', () => {
  it('the demo has ten or more opportunities across every stage, received ones in the ledger', async () => {
    const stages = await system<{ stage: string; n: number; lines: number }>(
      sql`select o.stage, count(*)::int as n, count(o.resource_id)::int as lines from governance_opportunities o
            join governance_funders f on f.id = o.funder_id where f.name like '%(demo)%' or f.kind = 'community_holder'
           group by o.stage`,
    );
    expect(stages.reduce((sum, s) => sum + s.n, 0)).toBeGreaterThanOrEqual(10);
    expect(stages.map((s) => s.stage).sort()).toEqual([
      'applied',
      'approached',
      'identified',
      'lost',
      'pledged',
      'received',
    ]);
    expect(stages.find((s) => s.stage === 'received')?.lines).toBe(2);
  });

  it('refuses a pledge without a funder and negative amounts, naming the fields', async () => {
    const res = await call(FUNDRAISER, 'POST', '/api/fundraising/opportunities', {
      title: 'Senza finanziatore',
      stage: 'pledged',
      askedCents: -5,
      pledgedCents: -1,
      paysFor: 'x',
      ownerId: await userId(FUNDRAISER),
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['funderId', 'askedCents', 'pledgedCents']));
    const errors = (res.json() as { errors: { field: string; message: { it: string; en: string } }[] })
      .errors;
    expect(errors.find((e) => e.field === 'askedCents')?.message).toEqual({
      it: 'l’importo richiesto non può essere negativo',
      en: 'the amount asked cannot be negative',
    });
    const funder = await newFunder();
    const noPledge = await call(FUNDRAISER, 'POST', '/api/fundraising/opportunities', {
      funderId: funder.id,
      title: 'Promessa senza importo',
      stage: 'pledged',
      askedCents: 10,
      paysFor: 'x',
      ownerId: await userId(FUNDRAISER),
    });
    expect(fields(noPledge)).toEqual(['pledgedCents']);
    const badOwner = await call(FUNDRAISER, 'POST', '/api/fundraising/opportunities', {
      funderId: funder.id,
      title: 'x',
      askedCents: 10,
      paysFor: 'x',
      ownerId: await userId(PRACTITIONER),
    });
    expect(fields(badOwner)).toEqual(['ownerId']);
  });

  it('moves follow OPPORTUNITY_NEXT; received writes exactly one funder line in the ledger', async () => {
    const o = await newOpportunity();
    const illegal = await move(o.id, {
      from: 'identified',
      to: 'received',
      receivedCents: 1,
      receivedOn: '2026-11-01',
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().detail).toContain('non può diventare');
    const stale = await move(o.id, { from: 'approached', to: 'applied' });
    expect(stale.statusCode).toBe(409);
    expect((await move(o.id, { from: 'identified', to: 'approached' })).statusCode).toBe(200);
    const noPledge = await move(o.id, { from: 'approached', to: 'pledged' });
    expect(fields(noPledge)).toEqual(['pledgedCents']);
    expect((await move(o.id, { from: 'approached', to: 'pledged', pledgedCents: 80_000 })).statusCode).toBe(
      200,
    );
    const done = await move(o.id, {
      from: 'pledged',
      to: 'received',
      receivedCents: 75_050,
      receivedOn: '2026-11-20',
    });
    expect(done.statusCode).toBe(200);
    const body = done.json() as { stage: string; resourceId: string; moves: unknown[] };
    expect(body.stage).toBe('received');
    expect(body.moves).toHaveLength(4);
    const lines = await system<{
      source_kind: string;
      value_cents: string;
      quantity: string;
      kind: string;
      unit: string;
    }>(
      sql`select source_kind, value_cents, quantity, kind, unit from community_resources where id = ${body.resourceId}`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ source_kind: 'funder', kind: 'money', unit: 'euro' });
    expect(Number(lines[0]!.value_cents)).toBe(75_050);
    expect(Number(lines[0]!.quantity)).toBe(750.5);
    const again = await move(o.id, {
      from: 'pledged',
      to: 'received',
      receivedCents: 1,
      receivedOn: '2026-11-20',
    });
    expect(again.statusCode).toBe(409);
    const audits = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'fundraising.opportunity_moved' and record_id = ${o.id}`,
    );
    expect(audits[0]!.n).toBe(3);
  });

  it('of two concurrent moves one wins', async () => {
    const o = await newOpportunity({ stage: 'pledged', pledgedCents: 5_000 });
    const answers = await Promise.all([
      move(o.id, { from: 'pledged', to: 'received', receivedCents: 5_000, receivedOn: '2026-11-25' }),
      move(
        o.id,
        { from: 'pledged', to: 'received', receivedCents: 5_000, receivedOn: '2026-11-25' },
        COORDINATOR,
      ),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const lines = await system<{ n: number }>(
      sql`select count(*)::int as n from community_resources r join governance_opportunities o on o.resource_id = r.id
           where o.id = ${o.id}`,
    );
    expect(lines[0]!.n).toBe(1);
  });

  it('shows the pipeline, campaigns progress and audits funder lists with their count', async () => {
    const campaign = await ok<{ id: string }>(FUNDRAISER, 'POST', '/api/fundraising/campaigns', {
      title: 'Campagna prova',
      goalCents: 10_000,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const o = await newOpportunity({ stage: 'pledged', pledgedCents: 4_000, campaignId: campaign.id });
    await move(o.id, { from: 'pledged', to: 'received', receivedCents: 2_500, receivedOn: '2026-11-02' });
    const { items } = await ok<{ items: { id: string; percent: number; receivedCents: number }[] }>(
      FUNDRAISER,
      'GET',
      '/api/fundraising/campaigns',
    );
    expect(items.find((c) => c.id === campaign.id)).toMatchObject({ receivedCents: 2_500, percent: 25 });
    const pipeline = await ok<{
      stages: { stage: string; count: number }[];
      conversion: { rate: number | null };
    }>(FUNDRAISER, 'GET', '/api/fundraising/pipeline');
    expect(pipeline.stages.map((s) => s.stage)).toEqual([
      'identified',
      'approached',
      'applied',
      'pledged',
      'received',
      'lost',
    ]);
    expect(pipeline.conversion.rate).not.toBeNull();
    const page = await ok<{ items: unknown[] }>(FUNDRAISER, 'GET', '/api/fundraising/funders?pageSize=5');
    const [audit] = await system<{ details: { count: number } }>(
      sql`select details from audit_events where action = 'fundraising.funders_listed' and details->>'page' = '1'
           order by occurred_at desc limit 1`,
    );
    expect(audit!.details.count).toBe(page.items.length);
  });

  it('a practitioner gets 403 on every route and reads no funder through RLS', async () => {
    const o = await newOpportunity();
    const routes: [string, string][] = [
      ['GET', '/api/fundraising/pipeline'],
      ['GET', '/api/fundraising/choices'],
      ['GET', '/api/fundraising/funders'],
      ['POST', '/api/fundraising/funders'],
      ['GET', `/api/fundraising/opportunities/${o.id}`],
      ['POST', '/api/fundraising/opportunities'],
      ['POST', `/api/fundraising/opportunities/${o.id}/move`],
      ['GET', '/api/fundraising/campaigns'],
      ['POST', '/api/fundraising/campaigns'],
      ['PUT', `/api/fundraising/campaigns/${o.id}`],
      ['GET', '/api/fundraising/resources'],
      ['POST', '/api/fundraising/resources'],
      ['GET', '/api/fundraising/volunteer-rate'],
      ['PUT', '/api/fundraising/volunteer-rate'],
    ];
    for (const [method, url] of routes) {
      const res = await call(PRACTITIONER, method as 'GET', url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const uid = await userId(PRACTITIONER);
    const rows = await withDbContext(
      t.database.db,
      { userId: uid, role: 'practitioner', organisationId: null, serviceId: null },
      (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from governance_funders`),
    );
    expect(rows[0]!.n).toBe(0);
    const asFundraiser = await withDbContext(
      t.database.db,
      { userId: await userId(FUNDRAISER), role: 'fundraiser', organisationId: null, serviceId: null },
      (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from governance_funders`),
    );
    expect(asFundraiser[0]!.n).toBeGreaterThan(0);
  });

  it('mails the owner once before a call’s deadline, and again when the deadline moves', async () => {
    const o = await newOpportunity({ title: 'Bando in scadenza' });
    await system(sql`update governance_opportunities set deadline_on = current_date + 3 where id = ${o.id}`);
    await system(
      sql`update users set email = coalesce(email, 'giulia.raccolta@example.org') where username = ${FUNDRAISER}`,
    );
    const before = t.mails.length;
    await t.deps.jobs.enqueueNow(DEADLINE_REMINDERS_JOB, {});
    await t.runJobs();
    await t.deps.jobs.enqueueNow(DEADLINE_REMINDERS_JOB, {});
    await t.runJobs();
    const mine = () => t.mails.slice(before).filter((m) => m.subject.includes('Bando in scadenza'));
    expect(mine()).toHaveLength(1);
    await system(sql`update governance_opportunities set deadline_on = current_date + 5 where id = ${o.id}`);
    await t.deps.jobs.enqueueNow(DEADLINE_REMINDERS_JOB, {});
    await t.runJobs();
    expect(mine()).toHaveLength(2);
  });
});

describe('fundraising: campaigns are corrected in place', () => {
  const newCampaign = () =>
    ok<{ id: string }>(FUNDRAISER, 'POST', '/api/fundraising/campaigns', {
      title: 'Campagna da correggere',
      goalCents: 50_000,
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    });
  const stored = async (id: string) => {
    const [row] = await system<{ title: string; goal_cents: string; starts_on: string; ends_on: string }>(
      sql`select title, goal_cents, starts_on::text as starts_on, ends_on::text as ends_on
            from governance_campaigns where id = ${id}`,
    );
    return row!;
  };

  it('a fundraiser changes title, goal and dates, audited', async () => {
    const c = await newCampaign();
    const saved = await ok<{ title: string; goalCents: number; endsOn: string; percent: number }>(
      FUNDRAISER,
      'PUT',
      `/api/fundraising/campaigns/${c.id}`,
      { title: 'Campagna corretta', goalCents: 80_000, startsOn: '2026-03-01', endsOn: '2026-09-30' },
    );
    expect(saved).toMatchObject({ title: 'Campagna corretta', goalCents: 80_000, endsOn: '2026-09-30' });
    expect(await stored(c.id)).toMatchObject({ title: 'Campagna corretta', ends_on: '2026-09-30' });
    expect(Number((await stored(c.id)).goal_cents)).toBe(80_000);
    const audits = await system<{ details: { fields?: string[] } }>(
      sql`select details from audit_events where action = 'fundraising.campaign_saved' and record_id = ${c.id}
           order by occurred_at`,
    );
    expect(audits).toHaveLength(2);
    expect(audits[1]!.details.fields).toEqual(expect.arrayContaining(['title', 'goalCents']));
    // A coordinator keeps fundraising too.
    const byCoordinator = await call(COORDINATOR, 'PUT', `/api/fundraising/campaigns/${c.id}`, {
      title: 'Campagna della cabina',
      goalCents: 80_000,
      startsOn: '2026-03-01',
      endsOn: '2026-09-30',
    });
    expect(byCoordinator.statusCode).toBe(200);
  });

  it('refuses an end before the start and a negative goal by field, changing nothing', async () => {
    const c = await newCampaign();
    const before = await stored(c.id);
    const early = await call(FUNDRAISER, 'PUT', `/api/fundraising/campaigns/${c.id}`, {
      title: 'Date al contrario',
      goalCents: 50_000,
      startsOn: '2026-06-30',
      endsOn: '2026-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(fields(early)).toEqual(['endsOn']);
    const errors = (early.json() as { errors: { field: string; message: { it: string; en: string } }[] })
      .errors;
    expect(errors[0]!.message).toEqual({
      it: 'la fine viene il giorno dell’inizio o dopo',
      en: 'the end comes on or after the start',
    });
    const negative = await call(FUNDRAISER, 'PUT', `/api/fundraising/campaigns/${c.id}`, {
      title: 'Obiettivo negativo',
      goalCents: -1,
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    });
    expect(negative.statusCode).toBe(400);
    expect(fields(negative)).toEqual(['goalCents']);
    expect(await stored(c.id)).toEqual(before);
  });

  it('a practitioner may not change it, neither through the route nor through RLS', async () => {
    const c = await newCampaign();
    const res = await call(PRACTITIONER, 'PUT', `/api/fundraising/campaigns/${c.id}`, {
      title: 'Intrusione',
      goalCents: 1,
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    });
    expect(res.statusCode).toBe(403);
    const changed = await withDbContext(
      t.database.db,
      { userId: await userId(PRACTITIONER), role: 'practitioner', organisationId: null, serviceId: null },
      (tx) =>
        queryRows<{ id: string }>(
          tx,
          sql`update governance_campaigns set title = 'Intrusione' where id = ${c.id} returning id`,
        ),
    );
    expect(changed).toHaveLength(0);
    expect((await stored(c.id)).title).toBe('Campagna da correggere');
  });

  it('an unknown campaign is not found', async () => {
    const res = await call(
      FUNDRAISER,
      'PUT',
      '/api/fundraising/campaigns/00000000-0000-4000-8000-000000000000',
      {
        title: 'Nessuna',
        goalCents: 1,
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
      },
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('fundraising: funders and opportunities as their edit forms send them', () => {
  it('a funder’s name, contact and state change; an opportunity changes but keeps its funder and stage', async () => {
    const funder = await newFunder();
    const saved = await ok<{ name: string; active: boolean; notes: string | null }>(
      FUNDRAISER,
      'PUT',
      `/api/fundraising/funders/${funder.id}`,
      {
        name: 'Fondazione rinominata',
        contactName: null,
        contactEmail: null,
        notes: 'Solo bandi',
        active: false,
      },
    );
    expect(saved).toMatchObject({ name: 'Fondazione rinominata', active: false, notes: 'Solo bandi' });
    const o = await newOpportunity({ stage: 'applied' });
    const before = await ok<{ funder: { id: string } }>(
      FUNDRAISER,
      'GET',
      `/api/fundraising/opportunities/${o.id}`,
    );
    const edited = await ok<{ title: string; askedCents: number; stage: string; funder: { id: string } }>(
      FUNDRAISER,
      'PUT',
      `/api/fundraising/opportunities/${o.id}`,
      {
        campaignId: null,
        title: 'Bando corretto',
        askedCents: 125_075,
        pledgedCents: null,
        deadlineOn: null,
        expectedOn: null,
        paysFor: 'Mediatori',
        ownerId: await userId(FUNDRAISER),
      },
    );
    expect(edited).toMatchObject({ title: 'Bando corretto', askedCents: 125_075, stage: 'applied' });
    expect(edited.funder.id).toBe(before.funder.id);
    const stageSent = await call(FUNDRAISER, 'PUT', `/api/fundraising/opportunities/${o.id}`, {
      title: 'x',
      askedCents: 1,
      paysFor: 'x',
      ownerId: await userId(FUNDRAISER),
      stage: 'received',
    });
    expect(stageSent.statusCode).toBe(400);
  });
});
