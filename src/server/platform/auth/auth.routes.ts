import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZLocaleChangeRequestSchema,
  ZLoginRequestSchema,
  ZLoginResponseSchema,
  ZMfaEnrolmentConfirmRequestSchema,
  ZMfaEnrolmentConfirmResponseSchema,
  ZMfaEnrolmentResponseSchema,
  ZMfaVerifyRequestSchema,
  ZPasswordChangeRequestSchema,
  ZPasswordResetConfirmSchema,
  ZPasswordResetRequestSchema,
  ZSessionInfoSchema,
  ZStepUpRequestSchema,
  ZSwitchMembershipRequestSchema,
} from '../../../contracts/auth.js';
import { permissionsOf } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { districts, memberships, organisations, services, users } from '../tenancy/tenancy.sql.js';
import * as auth from './auth.service.js';
import * as passwords from './passwords.service.js';
import { IDLE_TIMEOUT_MS, type LoadedSession, SESSION_COOKIE } from './sessions.js';

export function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
}

function clientOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

function sessionOf(request: FastifyRequest): LoadedSession {
  if (!request.session) throw problems.unauthenticated();
  return request.session;
}

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Sign in with username and password',
          body: ZLoginRequestSchema,
          response: { 200: ZLoginResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.login({ deps, ...request.body, client: clientOf(request) });
        setSessionCookie(reply, result.token);
        return { state: result.state, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/mfa/verify',
      {
        config: { access: 'session', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Second factor: a TOTP code or a recovery code',
          body: ZMfaVerifyRequestSchema,
          response: { 200: ZLoginResponseSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const result = await auth.verifySecondFactor({
          deps,
          session: sessionOf(request),
          ...('code' in body ? { code: body.code } : { recoveryCode: body.recoveryCode }),
          client: clientOf(request),
        });
        setSessionCookie(reply, result.token);
        return { state: 'authenticated' as const, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/mfa/enrolment',
      {
        config: { access: 'session' },
        schema: {
          tags,
          summary: 'Start two-factor enrolment: a new TOTP secret and its QR code',
          response: { 200: ZMfaEnrolmentResponseSchema },
        },
      },
      async (request) => auth.startEnrolment({ deps, session: sessionOf(request) }),
    );

    app.post(
      '/api/auth/mfa/enrolment/confirm',
      {
        config: { access: 'session', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Confirm enrolment with a first code; returns the recovery codes once',
          body: ZMfaEnrolmentConfirmRequestSchema,
          response: { 200: ZMfaEnrolmentConfirmResponseSchema.extend({ csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const result = await auth.confirmEnrolment({
          deps,
          session: sessionOf(request),
          code: request.body.code,
          client: clientOf(request),
        });
        setSessionCookie(reply, result.token);
        return { recoveryCodes: result.recoveryCodes, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        // Signing out must work whatever the limits: a refused sign-out leaves a session open.
        config: { access: 'session', rate: 'exempt' },
        schema: { tags, summary: 'Sign out: the session ends at once' },
      },
      async (request, reply) => {
        await auth.logout({ deps, session: sessionOf(request), client: clientOf(request) });
        reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { access: 'session', rate: 'shell' },
        schema: {
          tags,
          summary: 'The signed-in user, memberships, acting membership and permissions',
          response: { 200: ZSessionInfoSchema },
        },
      },
      async (request) => {
        const session = sessionOf(request);
        const rows = await deps.db
          .select({
            id: memberships.id,
            role: memberships.role,
            organisationId: sql<
              string | null
            >`coalesce(${memberships.organisationId}, ${services.organisationId})`,
            organisationName: organisations.name,
            serviceId: memberships.serviceId,
            serviceName: services.name,
            districtName: districts.name,
          })
          .from(memberships)
          .leftJoin(services, eq(services.id, memberships.serviceId))
          .leftJoin(
            organisations,
            eq(organisations.id, sql`coalesce(${memberships.organisationId}, ${services.organisationId})`),
          )
          .leftJoin(
            districts,
            eq(districts.id, sql`coalesce(${services.districtId}, ${organisations.districtId})`),
          )
          .where(eq(memberships.userId, session.userId))
          .orderBy(memberships.createdAt);
        const authenticated = session.state === 'authenticated';
        return {
          state: session.state,
          csrfToken: session.csrfToken,
          user: {
            id: session.userId,
            username: session.username,
            displayName: session.displayName,
            locale: session.locale,
            addressForm: session.addressForm,
          },
          memberships: authenticated ? (rows as never) : [],
          activeMembershipId: authenticated ? (session.membership?.id ?? null) : null,
          permissions: authenticated ? [...permissionsOf(session.membership?.role ?? null)] : [],
          idleExpiresAt: new Date(session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS).toISOString(),
          absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
        };
      },
    );

    app.put(
      '/api/auth/active-membership',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Act as another of the user\u2019s memberships (service switcher)',
          body: ZSwitchMembershipRequestSchema,
        },
      },
      async (request, reply) => {
        await auth.switchMembership({
          deps,
          session: sessionOf(request),
          membershipId: request.body.membershipId,
          client: clientOf(request),
        });
        return reply.status(204).send();
      },
    );

    app.put(
      '/api/auth/locale',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Set the user\u2019s interface language', body: ZLocaleChangeRequestSchema },
      },
      async (request, reply) => {
        await deps.db
          .update(users)
          .set({ locale: request.body.locale })
          .where(and(eq(users.id, sessionOf(request).userId)));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        config: { access: 'public', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Ask for a password-reset link by e-mail (same answer for any address)',
          body: ZPasswordResetRequestSchema,
        },
      },
      async (request, reply) => {
        await passwords.requestPasswordReset({ deps, email: request.body.email, client: clientOf(request) });
        return reply.status(202).send();
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { access: 'public', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Set a new password with a reset or invitation link',
          body: ZPasswordResetConfirmSchema,
        },
      },
      async (request, reply) => {
        await passwords.confirmPasswordToken({ deps, ...request.body, client: clientOf(request) });
        return reply.status(204).send();
      },
    );

    app.put(
      '/api/auth/password',
      {
        config: { access: 'authenticated', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Change one\u2019s own password; other sessions end',
          body: ZPasswordChangeRequestSchema,
        },
      },
      async (request, reply) => {
        await passwords.changePassword({
          deps,
          session: sessionOf(request),
          ...request.body,
          client: clientOf(request),
        });
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/step-up',
      {
        config: { access: 'authenticated', rate: 'sign-in' },
        schema: {
          tags,
          summary: 'Re-authenticate with a TOTP code and a reason before a highly sensitive operation',
          body: ZStepUpRequestSchema,
        },
      },
      async (request, reply) => {
        await auth.stepUp({ deps, session: sessionOf(request), ...request.body, client: clientOf(request) });
        return reply.status(204).send();
      },
    );
  };
