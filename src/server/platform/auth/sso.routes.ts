import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/common.js';
import { ZSsoProviderSchema } from '../../../contracts/identity-providers.js';
import type { Deps } from '../deps.js';
import { loggedError } from '../http/log-serializers.js';
import { HttpProblem } from '../http/problem.js';
import { setSessionCookie } from './auth.routes.js';
import { finishSso, listSignInProviders, recordRefusal, SsoRefusal, startSso } from './sso.service.js';

/** Carries the state from the start of a sign-in to its callback: only this browser can finish it. */
export const SSO_STATE_COOKIE = '__Host-trama-sso';
const STATE_COOKIE = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' as const };
const STATE_COOKIE_SECONDS = 10 * 60;

/** The web app's page that explains, in words, why a sign-in through a provider did not finish. */
const ERROR_PAGE = '/login/sso-error';

function clientOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/**
 * The provider's free text beside its error code (RFC 6749 4.1.2.1). Trama never reads it, and it
 * may hold what the input guard refuses (control characters): taken out of the query before the
 * guard looks, so a provider's wording cannot turn the way back into a problem document.
 */
const PROVIDER_FREE_TEXT = ['error_description', 'error_uri'];

/**
 * Single sign-on with an organisation's identity provider (ADR 0014). The start and the callback
 * are browser navigations, not API calls: whatever goes wrong, the browser is sent to the error
 * page with a reason in words, never a problem document or a stack trace — even when the request
 * is refused before the route runs (the rate limit's 429, the input guard's 400).
 */
export const ssoRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];

    async function toErrorPage(request: FastifyRequest, reply: FastifyReply, error: unknown) {
      const refusal = error instanceof SsoRefusal ? error : new SsoRefusal('internal', null);
      if (!(error instanceof SsoRefusal))
        request.log.error({ failure: loggedError(error) }, 'single sign-on failed');
      let reason = 'error';
      try {
        reason = await recordRefusal({ deps, refusal, client: clientOf(request) });
      } catch (auditError) {
        request.log.error({ failure: loggedError(auditError) }, 'single sign-on refusal not audited');
      }
      reply.clearCookie(SSO_STATE_COOKIE, STATE_COOKIE);
      return reply.redirect(`${ERROR_PAGE}?reason=${reason}`, 303);
    }

    app.get(
      '/api/auth/sso/providers',
      {
        config: { access: 'public', rate: 'shell' },
        schema: {
          tags,
          summary: 'The organisations\u2019 identity providers one may sign in with (for the sign-in page)',
          response: { 200: z.array(ZSsoProviderSchema) },
        },
      },
      async () => listSignInProviders({ deps }),
    );

    await app.register(async (scope) => {
      const navigations = scope.withTypeProvider<ZodTypeProvider>();
      navigations.setErrorHandler(async (error: FastifyError | HttpProblem, request, reply) => {
        const status = error instanceof HttpProblem ? error.status : error.statusCode;
        if (status === 429) {
          // Not audited: a flood would write one row per refused request, which is what the limit stops.
          reply.clearCookie(SSO_STATE_COOKIE, STATE_COOKIE);
          return reply.redirect(`${ERROR_PAGE}?reason=too_many`, 303);
        }
        if (status !== undefined && status >= 400 && status < 500) {
          const atStart = request.routeOptions.url?.endsWith('/start');
          return toErrorPage(
            request,
            reply,
            new SsoRefusal(atStart ? 'provider_unknown' : 'malformed_answer', null, 'input_refused'),
          );
        }
        return toErrorPage(request, reply, error);
      });
      navigations.addHook('onRequest', async (request) => {
        const query = request.query as Record<string, unknown> | undefined;
        for (const name of PROVIDER_FREE_TEXT) if (query && name in query) delete query[name];
      });

      navigations.get(
        '/api/auth/sso/:providerId/start',
        {
          config: { access: 'public', rate: 'sign-in' },
          schema: {
            tags,
            summary: 'Start signing in with an identity provider: redirects the browser to it',
            description:
              'Answers 302 to the provider (PKCE S256, state, nonce), or 303 to the sign-in error page.',
            params: z.strictObject({ providerId: z.string() }),
          },
        },
        async (request, reply) => {
          try {
            const providerId = ZIdSchema.safeParse(request.params.providerId);
            if (!providerId.success) throw new SsoRefusal('provider_unknown', null);
            const { location, state } = await startSso({ deps, providerId: providerId.data });
            reply.setCookie(SSO_STATE_COOKIE, state, { ...STATE_COOKIE, maxAge: STATE_COOKIE_SECONDS });
            return reply.redirect(location, 302);
          } catch (error) {
            return toErrorPage(request, reply, error);
          }
        },
      );

      navigations.get(
        '/api/auth/sso/callback',
        {
          config: { access: 'public', rate: 'sign-in' },
          schema: {
            tags,
            summary: 'Where the identity provider sends the browser back (code, state, iss or error)',
            description:
              'Signs in and answers 303 to the app, or 303 to the sign-in error page. The query is read as the provider sent it.',
          },
        },
        async (request, reply) => {
          try {
            const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
            const session = await finishSso({
              deps,
              query,
              stateCookie: request.cookies[SSO_STATE_COOKIE],
              client: clientOf(request),
            });
            reply.clearCookie(SSO_STATE_COOKIE, STATE_COOKIE);
            setSessionCookie(reply, session.token);
            return reply.redirect('/', 303);
          } catch (error) {
            return toErrorPage(request, reply, error);
          }
        },
      );
    });
  };
