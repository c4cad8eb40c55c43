import { sql } from 'drizzle-orm';
import type { TServiceKind } from '../../../contracts/structure.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { HttpProblem } from '../../platform/http/problem.js';

/** The services that record incidents (issue: anti-violence centres, help desks, Tutela Minori, ...). */
export const RECORDING_SERVICE_KINDS: readonly TServiceKind[] = [
  'anti_violence_network',
  'womens_help_desk',
  'child_protection',
  'consultorio',
  'child_neuropsychiatry',
  'law_enforcement',
  'school',
];

/**
 * Incident records are seen in detail only by the service that recorded them: the acting
 * membership's service, when that service is one that records. Everyone else gets aggregates.
 */
export async function recordingServiceOf({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  if (ctx.serviceId) {
    const [service] = await queryRows<{ kind: TServiceKind }>(
      tx,
      sql`select kind from services where id = ${ctx.serviceId} and active`,
    );
    if (service && RECORDING_SERVICE_KINDS.includes(service.kind)) return ctx.serviceId;
  }
  throw new HttpProblem(
    403,
    'not-a-recording-service',
    { it: 'Servizio non abilitato', en: 'Service not enabled' },
    {
      it: 'Il servizio con cui stai operando non registra episodi di violenza.',
      en: 'The service you are acting for does not record incidents of violence.',
    },
  );
}
