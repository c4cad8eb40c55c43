import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TLegacy, TLegacyItem, TPartner } from '../../src/contracts/governance-plan.js';
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

describe('correcting what lasts', () => {
  async function anItem() {
    const item = await ok<TLegacyItem>(COORDINATOR, 'POST', '/api/governance/legacy', {
      kind: 'continuation',
      title: 'Gruppo di parola del martedì',
      recordedOn: '2026-05-01',
    });
    return item.id;
  }
  const titleOf = async (id: string) =>
    (await system<{ title: string }>(sql`select title from governance_legacy_items where id = ${id}`))[0]
      ?.title;

  it('lets a coordinator correct an item whole, audited as a correction', async () => {
    const id = await anItem();
    const [district] = await system<{ id: string }>(sql`select id from districts order by code limit 1`);
    const org = await anOrganisation();
    const changed = await ok<TLegacyItem>(COORDINATOR, 'PUT', `/api/governance/legacy/${id}`, {
      kind: 'adoption',
      title: 'Gruppo di parola adottato nel Piano di Zona',
      description: 'Finanziato dall’Ambito dal 2027.',
      ownerOrganisationId: org,
      funding: 'Fondo nazionale politiche sociali',
      districtId: district!.id,
      recordedOn: '2026-06-15',
    });
    expect(changed).toMatchObject({
      id,
      kind: 'adoption',
      title: 'Gruppo di parola adottato nel Piano di Zona',
      owner: { id: org },
      funding: 'Fondo nazionale politiche sociali',
      district: { id: district!.id },
      recordedOn: '2026-06-15',
    });
    const legacy = await ok<TLegacy>('operatrice', 'GET', '/api/governance/legacy');
    expect(legacy.groups.find((g) => g.kind === 'adoption')!.items.map((i) => i.id)).toContain(id);
    expect(legacy.groups.find((g) => g.kind === 'continuation')!.items.map((i) => i.id)).not.toContain(id);
    const audits = await system<{ details: { kind: string } }>(
      sql`select details from audit_events where action = 'governance.legacy_changed'
           and record_id = ${id} and actor_user_id = ${await userId(COORDINATOR)}`,
    );
    expect(audits.map((a) => a.details.kind)).toEqual(['adoption']);
  });

  it('refuses readers (403) and an unknown item (404), changing nothing', async () => {
    const id = await anItem();
    const body = { kind: 'synergy', title: 'Non consentita', recordedOn: '2026-06-01' };
    for (const who of ['operatrice', FUNDRAISER]) {
      const res = await call(who, 'PUT', `/api/governance/legacy/${id}`, body);
      expect(res.statusCode, who).toBe(403);
    }
    const missing = await call(COORDINATOR, 'PUT', `/api/governance/legacy/${randomUUID()}`, body);
    expect(missing.statusCode).toBe(404);
    expect(await titleOf(id)).toBe('Gruppo di parola del martedì');
  });

  it('refuses bad input naming the field, in Italian and English, and changes nothing', async () => {
    const id = await anItem();
    const noDistrict = await call(COORDINATOR, 'PUT', `/api/governance/legacy/${id}`, {
      kind: 'adoption',
      title: 'Adozione senza Ambito',
      recordedOn: '2026-06-01',
    });
    expect(noDistrict.statusCode).toBe(400);
    expect(noDistrict.headers['content-type']).toContain('application/problem+json');
    expect(fields(noDistrict)).toEqual(['districtId']);
    const unknownOwner = await call(COORDINATOR, 'PUT', `/api/governance/legacy/${id}`, {
      kind: 'continuation',
      title: 'Titolare inesistente',
      ownerOrganisationId: randomUUID(),
      recordedOn: '2026-06-01',
    });
    expect(fields(unknownOwner)).toEqual(['ownerOrganisationId']);
    const badDate = await call(COORDINATOR, 'PUT', `/api/governance/legacy/${id}`, {
      kind: 'continuation',
      title: 'Data sbagliata',
      recordedOn: '2026-02-31',
    });
    expect(fields(badDate)).toEqual(['recordedOn']);
    expect(await titleOf(id)).toBe('Gruppo di parola del martedì');
    const [audits] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'governance.legacy_changed' and record_id = ${id}`,
    );
    expect(audits!.n).toBe(0);
  });
});
