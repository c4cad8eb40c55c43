import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// Every emergency access is reviewed after the fact by the DPO: once, recorded and audited, and
// what is not yet reviewed waits on the DPO's home.
let t: TestApp;
let dpo: Session;
let operatrice: Session;
beforeAll(async () => {
  t = await createTestApp();
  dpo = await t.signIn('dpo');
  operatrice = await t.signIn('operatrice');
});
afterAll(() => t.close());

async function toReview(): Promise<number> {
  const home = (await dpo.request({ method: 'GET', url: '/api/home' })).json();
  return home.attention.find((i: { kind: string }) => i.kind === 'break_glass_to_review')?.count ?? 0;
}

describe('the review of an emergency access', () => {
  it('waits on the DPO home, is recorded once with its note, and is audited', async () => {
    const waiting = await toReview();
    const target = await t.userId('operatore.romano');
    const grant = (
      await operatrice.request({
        method: 'POST',
        url: '/api/break-glass',
        payload: {
          recordType: 'user',
          recordId: target,
          reason: 'Emergenza: contatto del collega per un minore in pericolo',
        },
      })
    ).json();
    expect(await toReview()).toBe(waiting + 1);

    const byPractitioner = await operatrice.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/review`,
      payload: {},
    });
    expect(byPractitioner.statusCode).toBe(403);

    const tooLong = await dpo.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/review`,
      payload: { note: 'x'.repeat(1001) },
    });
    expect(tooLong.json().errors.map((e: { field: string }) => e.field)).toEqual(['note']);

    // Two reviews at once: one is recorded, the other is told it was already done.
    const both = await Promise.all(
      [1, 2].map(() =>
        dpo.request({
          method: 'POST',
          url: `/api/break-glass/${grant.id}/review`,
          payload: { note: 'Motivazione coerente con la reperibilità.' },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const reviewed = both.find((r) => r.statusCode === 200)!.json();
    expect(reviewed.review).toMatchObject({ by: 'dpo', note: 'Motivazione coerente con la reperibilità.' });
    expect(await toReview()).toBe(waiting);

    const listed = (await dpo.request({ method: 'GET', url: '/api/break-glass' })).json();
    expect(listed.find((g: { id: string }) => g.id === grant.id).review.by).toBe('dpo');
    const audited = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'break_glass.reviewed' and details->>'grantId' = ${grant.id}`,
    );
    expect(audited[0]!.n).toBe(1);
    const listedAudit = await queryRows<{ shown: string }>(
      t.database.db,
      sql`select details->>'shown' as shown from audit_events where action = 'break_glass.listed' and actor_username = 'dpo'`,
    );
    expect(listedAudit.map((r) => Number(r.shown))).toContain(listed.length);
  });

  it('is refused for a grant that does not exist', async () => {
    const res = await dpo.request({
      method: 'POST',
      url: '/api/break-glass/00000000-0000-4000-8000-000000000000/review',
      payload: {},
    });
    expect(res.statusCode).toBe(404);
  });
});
