import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TIdentityProvider } from '../../src/contracts/identity-providers.js';
import { tokenHash } from '../../src/server/platform/auth/tokens.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import type { Session, TestApp } from '../harness/test-app.js';

/* What the single sign-on tests share (sso.int.test.ts, sso-providers.int.test.ts). */

export const DOMAIN = 'demo.trama.localhost';

export function cookieNamed(response: LightMyRequestResponse, name: string) {
  const header = [response.headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith(`${name}=`));
  return header ? String(header).split(';')[0]! : undefined;
}

/** The session confirmed its second factor just now, as `POST /api/auth/step-up` would record it. */
export async function stepUp(t: TestApp, session: Session) {
  const token = session.cookie.slice(session.cookie.indexOf('=') + 1);
  await t.database.db.execute(sql`update sessions set step_up_at = now() where id = ${tokenHash(token)}`);
}

export async function orgId(t: TestApp, name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from organisations where name = ${name}`,
  );
  return row!.id;
}

/** A second admin beside the demo's one, to approve what the first registered. */
export async function secondAdmin(t: TestApp) {
  await t.database.db.execute(sql`insert into users (username, display_name, email)
    values ('admin.bis', 'Bruno Secondo Amministratore', 'admin.bis@demo.trama.localhost')`);
  await t.database.db.execute(
    sql`insert into memberships (user_id, role) select id, 'admin' from users where username = 'admin.bis'`,
  );
  return t.signIn('admin.bis');
}

export function registerAs(session: Session, body: Record<string, unknown>) {
  return session.request({ method: 'POST', url: '/api/identity-providers', payload: body });
}

export function changeAs(session: Session, id: string, body: Record<string, unknown>) {
  return session.request({ method: 'PATCH', url: `/api/identity-providers/${id}`, payload: body });
}

export function approveAs(session: Session, id: string) {
  return session.request({ method: 'POST', url: `/api/identity-providers/${id}/approve` });
}

/** Approves and expects it to work: the provider as the approver reads it afterwards. */
export async function approved(session: Session, id: string): Promise<TIdentityProvider> {
  const response = await approveAs(session, id);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The reason the error page is given, or null when the sign-in went through. */
export function errorReasonOf(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(303);
  const location = new URL(String(response.headers.location), 'http://trama.test');
  if (location.pathname === '/') return null;
  expect(location.pathname).toBe('/login/sso-error');
  return location.searchParams.get('reason');
}

export async function lastAudit(t: TestApp, action: string) {
  const [row] = await queryRows<{
    outcome: string;
    record_id: string | null;
    actor_username: string | null;
    client_ip: string | null;
    details: Record<string, unknown>;
  }>(
    t.database.db,
    sql`select outcome, record_id, actor_username, client_ip, details from audit_events
         where action = ${action} order by id desc limit 1`,
  );
  return row;
}

export async function lastRefusal(t: TestApp) {
  return (await lastAudit(t, 'auth.sso_refused'))!;
}

/** The sign-in page's buttons. */
export async function signInButtons(t: TestApp) {
  const response = await t.app.inject({ method: 'GET', url: '/api/auth/sso/providers' });
  expect(response.statusCode).toBe(200);
  return response.json() as { id: string; name: string }[];
}
