import { sql } from 'drizzle-orm';
import type { TConsultationAccess, TConsultationStatus } from '../../../contracts/consultations.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { refused } from './cases.policy.js';

/**
 * What the acting user is to a consultation. Row-level security (db/migrations-wip/3-consultations.sql)
 * decides whether the row is visible at all (blocked people hide it); this tells the team (members of
 * the consulting service who are not its coordinator, and the lead therapist) from a coordinator
 * supervising the service and from the requesting service, which sees status, deadline and the
 * approved opinion only. Documents (H4) attach to a consultation through `requireConsultation`:
 * keep its signature stable.
 */
export interface ConsultationAccess {
  id: string;
  code: string;
  access: TConsultationAccess;
  status: TConsultationStatus;
  kind: 'stuck_case' | 'court_investigation';
  serviceId: string;
  requestingServiceId: string;
  householdId: string;
  referralId: string;
  leadUserId: string | null;
  caseId: string | null;
}

export async function consultationAccessOf({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{
    id: string;
    code: string;
    status: TConsultationStatus;
    kind: ConsultationAccess['kind'];
    service_id: string;
    requesting_service_id: string;
    household_id: string;
    referral_id: string;
    lead_user_id: string | null;
    case_id: string | null;
    team: boolean;
    supervises: boolean;
    requester: boolean;
  }>(
    tx,
    sql`select k.id, k.code, k.status, k.kind, k.service_id, k.requesting_service_id, k.household_id,
          k.referral_id, k.lead_user_id, k.case_id,
          k.id = any((select trama_consultations_of_team())::uuid[]) as team,
          k.service_id = any((select trama_supervised_services())::uuid[]) as supervises,
          k.requesting_service_id = (select trama_service()) as requester
        from consultations k where k.id = ${id}`,
  );
  if (!row) return null;
  const access: TConsultationAccess | null = row.team
    ? 'team'
    : row.supervises
      ? 'supervisor'
      : row.requester
        ? 'requester'
        : null;
  if (!access) return null;
  return {
    id: row.id,
    code: row.code,
    access,
    status: row.status,
    kind: row.kind,
    serviceId: row.service_id,
    requestingServiceId: row.requesting_service_id,
    householdId: row.household_id,
    referralId: row.referral_id,
    leadUserId: row.lead_user_id,
    caseId: row.case_id,
  } satisfies ConsultationAccess;
}

/** The consultation as the caller stands to it, or an audited 404 (outsiders learn nothing); the wrong standing is a 403. */
export async function requireConsultation({
  tx,
  id,
  needs,
}: {
  tx: Tx;
  id: string;
  needs: readonly TConsultationAccess[];
}): Promise<ConsultationAccess> {
  const found = await consultationAccessOf({ tx, id });
  if (found && needs.includes(found.access)) return found;
  if (found)
    throw refused({
      it: 'Il tuo ruolo nella consulenza non consente questa operazione.',
      en: 'Your role in the consultation does not allow this.',
    });
  throw new OutOfScope('consultation', id);
}

/** Closed and converted consultations are history: nothing more is written to them. */
export function isFinished(status: TConsultationStatus) {
  return status === 'closed' || status === 'converted';
}
