import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TLegacy, TPartner } from '../../src/contracts/governance-plan.js';
import { COORDINATOR, FUNDRAISER, governanceTestKit } from './support.js';

const { call, ok, fields, system, userId } = governanceTestKit();

async function anOrganisation() {
  const [org] = await system<{ id: string }>(
    sql`insert into organisations (name, kind) values ('Associazione Ponti', 'association') returning id`,
  );
  return org!.id;
}

describe('the partner directory', () => {
  it('a coordinator sets roles and contacts; reading contacts is audited with the count', async () => {
    const id = await anOrganisation();
    await ok(COORDINATOR, 'PUT', `/api/governance/partners/${id}/roles`, {
      roles: [{ workPackage: 'wp3', role: 'lead' }],
    });
    await ok(COORDINATOR, 'POST', `/api/governance/partners/${id}/contacts`, {
      name: 'Rosa Invernici',
      position: 'Presidente',
      email: 'rosa@ponti.example',
      phone: '0363 123456',
    });
    const refused = await call('operatrice', 'POST', `/api/governance/partners/${id}/obligations`, {
      text: 'No',
    });
    expect(refused.statusCode).toBe(403);
    const partner = await ok<TPartner>(FUNDRAISER, 'GET', `/api/governance/partners/${id}`);
    expect(partner.roles).toEqual([{ workPackage: 'wp3', role: 'lead' }]);
    expect(partner.contacts.map((c) => c.name)).toEqual(['Rosa Invernici']);
    const audits = await system<{ details: { count: number } }>(
      sql`select details from audit_events where action = 'governance.partner_contacts_read'
           and record_id = ${id} and actor_user_id = ${await userId(FUNDRAISER)}`,
    );
    expect(audits.map((a) => a.details.count)).toEqual([1]);
    const bad = await call(COORDINATOR, 'POST', `/api/governance/partners/${id}/contacts`, {
      name: 'X',
      email: 'no',
    });
    expect(fields(bad)).toEqual(['email']);
  });
});

describe('what lasts', () => {
  it('an adoption needs its Ambito; the sustainability report prints the items', async () => {
    const missing = await call(COORDINATOR, 'POST', '/api/governance/legacy', {
      kind: 'adoption',
      title: 'Adozione senza Ambito',
      recordedOn: '2026-06-01',
    });
    expect(fields(missing)).toEqual(['districtId']);
    const [district] = await system<{ id: string }>(sql`select id from districts order by code limit 1`);
    await ok(COORDINATOR, 'POST', '/api/governance/legacy', {
      kind: 'adoption',
      title: 'Sportello interculturale nel Piano di Zona',
      districtId: district!.id,
      recordedOn: '2026-06-01',
    });
    const legacy = await ok<TLegacy>('operatrice', 'GET', '/api/governance/legacy');
    expect(legacy.groups.find((g) => g.kind === 'adoption')!.items.map((i) => i.title)).toContain(
      'Sportello interculturale nel Piano di Zona',
    );
    expect(legacy.counted.newServices).toBeGreaterThanOrEqual(0);
    const res = await call(FUNDRAISER, 'GET', '/api/governance/reports/sustainability');
    expect(res.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'legacy-')), 'r.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Rapporto di sostenibilità');
    expect(text).toContain('Sportello interculturale nel Piano di Zona');
    expect(text).toContain('Innovazioni adottate nel Piano di Zona');
  });
});
