import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  TImpactPeriod,
  TImpactPeriods,
  TReportContent,
  TReportSummary,
  TReportVerification,
} from '../../src/contracts/impact-periods.js';
import { checkSealedFile } from '../../src/server/platform/audit/file-seal.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * Reporting periods, locks and frozen signed reports (issue 25, items 3 and 4): a coordinator
 * submits an ended period, the steering committee's chair — another person — approves and locks
 * it, freezing its values; records entered later never change the locked period's reports and show
 * as "after lock" in the next one; an unlock needs a reason and is audited; a report's files are
 * sealed and one changed byte breaks the seal.
 */
const { t, call, ok, fields, system } = testAppKit();

const Q3 = '2026-q3';
const step = (who: string, key: string, action: string, payload?: unknown) =>
  call(who, 'POST', `/api/impact/periods/${key}/${action}`, payload);
const period = async (key: string) =>
  (await ok<TImpactPeriods>('coordinatrice', 'GET', '/api/impact/periods')).periods.find(
    (p) => p.key === key,
  )!;
const storedContent = async (id: string) => {
  const [row] = await system<{ content: string }>(sql`select content from impact_reports where id = ${id}`);
  return JSON.parse(row!.content) as TReportContent;
};
const DONE_ACTIONS = 'website.communication_actions_done';

describe('impact periods and locks', () => {
  it('lists every period of the project, the steering chair told apart', async () => {
    const chair = await ok<TImpactPeriods>('coordinatrice', 'GET', '/api/impact/periods');
    expect(chair.chair).toBe(true);
    expect(chair.periods.filter((p) => p.kind === 'quarter')).toHaveLength(12);
    expect(chair.periods.map((p) => p.key)).toEqual(
      expect.arrayContaining(['2026-q1', '2027-h2', '2028', 'project']),
    );
    expect(chair.signingKey.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const other = await ok<TImpactPeriods>('supervisora', 'GET', '/api/impact/periods');
    expect(other.chair).toBe(false);
    for (const who of ['operatrice', 'redazione', 'ricercatrice', 'admin', 'animatrice.comunita'])
      expect((await call(who, 'GET', '/api/impact/periods')).statusCode, who).toBe(403);
  });

  it('is submitted by a coordinator, approved and locked by the chair — never by the same person', async () => {
    expect((await step('supervisora', '2028-q4', 'submit')).statusCode).toBe(409); // not ended
    expect((await step('supervisora', '2031-q1', 'submit')).statusCode).toBe(404); // not the project's
    expect((await step('supervisora', 'nonsense', 'submit')).statusCode).toBe(404);

    const submitted = await ok<TImpactPeriod>('supervisora', 'POST', `/api/impact/periods/${Q3}/submit`);
    expect(submitted).toMatchObject({ status: 'submitted', submitted: { by: expect.any(String) } });
    expect((await step('supervisora', Q3, 'submit')).statusCode).toBe(409);
    // A coordinator who does not chair the committee neither approves nor returns.
    expect((await step('supervisora', Q3, 'approve')).statusCode).toBe(409);
    // The chair returns it with a reason: a word is not one.
    const short = await step('coordinatrice', Q3, 'return', { reason: 'no' });
    expect(short.statusCode).toBe(400);
    expect(fields(short)).toEqual(['reason']);
    const returned = await ok<TImpactPeriod>('coordinatrice', 'POST', `/api/impact/periods/${Q3}/return`, {
      reason: 'Mancano le presenze di settembre',
    });
    expect(returned.status).toBe('open');
    expect(returned.history.map((h) => h.action)).toEqual(['submitted', 'returned']);

    // The chair cannot approve what she submitted herself.
    await ok('coordinatrice', 'POST', '/api/impact/periods/2026-q2/submit');
    const own = await step('coordinatrice', '2026-q2', 'approve');
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toMatch(/seconda persona|second person/);

    await ok('supervisora', 'POST', `/api/impact/periods/${Q3}/submit`);
    const locked = await ok<TImpactPeriod>('coordinatrice', 'POST', `/api/impact/periods/${Q3}/approve`);
    expect(locked).toMatchObject({
      status: 'locked',
      locked: { by: expect.any(String) },
      can: { unlock: true },
    });
    const frozen = await system<{ n: number }>(
      sql`select count(*)::int as n from impact_period_values where period_key = ${Q3}`,
    );
    expect(frozen[0]!.n).toBeGreaterThan(20);
    const audited = await system<{ action: string }>(
      sql`select action from audit_events where action like 'impact.period_%' order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['impact.period_submitted', 'impact.period_returned', 'impact.period_locked']),
    );
  });

  it('keeps a locked period’s values; late records show after lock in the next period', async () => {
    const first = await ok<TReportSummary>('coordinatrice', 'POST', `/api/impact/periods/${Q3}/reports`);
    expect(first.final).toBe(true);
    const before = (await storedContent(first.id)).rows.find((r) => r.key === DONE_ACTIONS)!;

    // Six communication actions done in the third quarter are recorded after its lock.
    await system(
      sql`insert into site_comm_actions (title, planned_on, channel, audience, languages, done_on, created_by, updated_by)
          select 'Volantini al mercato ' || n, '2026-08-10', a.channel, a.audience, a.languages, '2026-08-14',
                 a.created_by, a.created_by
            from (select * from site_comm_actions limit 1) a, generate_series(1, 6) n`,
    );
    const again = await ok<TReportSummary>('coordinatrice', 'POST', `/api/impact/periods/${Q3}/reports`);
    expect((await storedContent(again.id)).rows.find((r) => r.key === DONE_ACTIONS)).toMatchObject({
      value: before.value,
    });
    const next = await ok<TReportSummary>('coordinatrice', 'POST', '/api/impact/periods/2026-q4/reports');
    expect(next.final).toBe(false);
    const nextRow = (await storedContent(next.id)).rows.find((r) => r.key === DONE_ACTIONS)!;
    expect(nextRow.afterLock).toEqual({ period: Q3, value: 6 });

    // A frozen report is never changed, not even by the owner's role.
    await expect(
      system(sql`update impact_reports set final = false where id = ${first.id}`),
    ).rejects.toThrow();
    await expect(system(sql`delete from impact_reports where id = ${first.id}`)).rejects.toThrow();
  });

  it('is unlocked only with a reason, audited; the reports made keep their values', async () => {
    expect((await step('supervisora', Q3, 'unlock', {})).statusCode).toBe(400);
    const open = await ok<TImpactPeriod>('supervisora', 'POST', `/api/impact/periods/${Q3}/unlock`, {
      reason: 'Correzione delle presenze richiesta dal finanziatore',
    });
    expect(open).toMatchObject({ status: 'open', locked: null, submitted: null });
    expect(open.history.at(-1)).toMatchObject({
      action: 'unlocked',
      reason: expect.stringContaining('Correzione'),
    });
    expect(open.reports.every((r) => r.final)).toBe(true);
    const [audit] = await system<{ details: { reason: string } }>(
      sql`select details from audit_events where action = 'impact.period_unlocked' order by id desc limit 1`,
    );
    expect(audit!.details.reason).toContain('Correzione');
    // Unlocked, a new report is a draft with today's values (the six late actions counted).
    const draft = await ok<TReportSummary>('coordinatrice', 'POST', `/api/impact/periods/${Q3}/reports`);
    expect(draft.final).toBe(false);
    const reports = (await period(Q3)).reports;
    const finalRow = (await storedContent(reports.find((r) => r.final)!.id)).rows.find(
      (r) => r.key === DONE_ACTIONS,
    )!;
    const draftRow = (await storedContent(draft.id)).rows.find((r) => r.key === DONE_ACTIONS)!;
    expect(draftRow.value).toBe((finalRow.value ?? 0) + 6);
  });
});

describe('signed report files', () => {
  it('are sealed PDF and XLSX files whose seal breaks on one changed byte', async () => {
    const report = await ok<TReportSummary>('coordinatrice', 'POST', '/api/impact/periods/2026-q1/reports');
    const trusted = new Map([[t.deps.checkpointKey.keyId, t.deps.checkpointKey.publicKey]]);
    for (const [format, lang, type] of [
      ['pdf', 'it', 'application/pdf'],
      ['pdf', 'en', 'application/pdf'],
      ['xlsx', 'it', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await call(
        'coordinatrice',
        'GET',
        `/api/impact/reports/${report.id}/file?format=${format}&lang=${lang}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      const bytes = res.rawPayload;
      const check = checkSealedFile({ bytes, publicKeys: trusted });
      expect(check).toMatchObject({
        ok: true,
        statement: { about: { report: report.id, contentHash: report.contentHash, lang } },
      });

      const publicCheck = await t.app.inject({
        method: 'POST',
        url: '/api/public/impact/verify',
        headers: { 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
      expect(publicCheck.json<TReportVerification>()).toMatchObject({
        valid: true,
        report: { id: report.id, final: false },
      });
      const edited = Buffer.from(bytes);
      const at = Math.floor(edited.length / 3);
      edited[at] = (edited[at] ?? 0) ^ 0x01;
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/public/impact/verify',
        headers: { 'content-type': 'application/octet-stream' },
        payload: edited,
      });
      expect(refused.json<TReportVerification>()).toMatchObject({ valid: false, report: null });
    }
    const notAFile = await t.app.inject({
      method: 'POST',
      url: '/api/public/impact/verify',
      payload: { file: 'x' },
    });
    expect(notAFile.statusCode).toBe(415);
    expect(fields(notAFile)).toEqual(['file']);

    // `npm run report:verify` passes on the files and fails on an edited copy, offline, with the published key.
    const dir = mkdtempSync(join(tmpdir(), 'trama-report-'));
    const key = join(dir, 'key.pub.pem');
    writeFileSync(key, t.deps.checkpointKey.publicKeyPem);
    const verify = (file: string) =>
      spawnSync('npx', ['tsx', 'src/server/cli/report-verify.ts', file, '--public-key', key], {
        encoding: 'utf8',
        env: { ...process.env, TRAMA_DATA_DIR: dir },
      });
    const pdf = (await call('coordinatrice', 'GET', `/api/impact/reports/${report.id}/file?format=pdf`))
      .rawPayload;
    const xlsx = (await call('coordinatrice', 'GET', `/api/impact/reports/${report.id}/file?format=xlsx`))
      .rawPayload;
    writeFileSync(join(dir, 'r.pdf'), pdf);
    writeFileSync(join(dir, 'r.xlsx'), xlsx);
    const editedPdf = Buffer.from(pdf);
    const middle = Math.floor(editedPdf.length / 2);
    editedPdf[middle] = (editedPdf[middle] ?? 0) ^ 0x01;
    writeFileSync(join(dir, 'edited.pdf'), editedPdf);
    for (const file of ['r.pdf', 'r.xlsx']) {
      const passed = verify(join(dir, file));
      expect(passed.status, passed.stderr).toBe(0);
      expect(passed.stdout).toContain(`report ${report.id}`);
    }
    const refusedByCli = verify(join(dir, 'edited.pdf'));
    expect(refusedByCli.status).toBe(2);
    expect(refusedByCli.stderr).toMatch(/NOT VALID: .*changed after it was sealed/);

    expect(
      (await call('supervisora', 'GET', `/api/impact/reports/${report.id}/file?format=csv`)).statusCode,
    ).toBe(400);
    expect(
      (await call('operatrice', 'GET', `/api/impact/reports/${report.id}/file?format=pdf`)).statusCode,
    ).toBe(403);
    const [downloads] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'impact.report_downloaded'`,
    );
    expect(downloads!.n).toBe(5);
  });
});

describe('two coordinators at once', () => {
  it('submit the same period once: the second waits for the first and is refused', async () => {
    const both = await Promise.all([
      step('supervisora', '2026-q1', 'submit'),
      step('referente.mediazione', '2026-q1', 'submit'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [events] = await system<{ n: number }>(
      sql`select count(*)::int as n from impact_period_events where period_key = '2026-q1' and action = 'submitted'`,
    );
    expect(events!.n).toBe(1);
  });
});
