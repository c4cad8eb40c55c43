import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * ASVS 3.4: CSP without inline script, HSTS for a year, no framing, no referrer leaks; and no
 * caching of anything the API returns (14.3.2), since API answers may carry personal data.
 */
export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Bootstrap Italia's components set style attributes at run time; no script is inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // OpenStreetMap's tiles only when a user turns on online tiles on the community map (its
        // base layer is the comuni's boundaries shipped with Trama: nothing is fetched otherwise).
        imgSrc: ["'self'", 'data:', 'https://tile.openstreetmap.org'],
        // data: for the icon font Bootstrap Italia inlines in its stylesheet.
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/status') {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
  });
}
