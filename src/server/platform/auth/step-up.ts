import type { TLocalizedText } from '../../../contracts/common.js';
import type { AccessContext } from '../access/access-context.js';
import { HttpProblem } from '../http/problem.js';

/** How recent a step-up (`POST /api/auth/step-up`) must be for a highly sensitive operation. */
export const STEP_UP_MINUTES = 15;

/** Whether this session confirmed its second factor within the last STEP_UP_MINUTES. */
export function hasRecentStepUp(ctx: AccessContext): boolean {
  return ctx.stepUpAt !== null && Date.now() - ctx.stepUpAt.getTime() < STEP_UP_MINUTES * 60_000;
}

/**
 * Refuses unless this session confirmed its second factor within the last minutes (ASVS 7.5.3):
 * a stolen or unattended session alone cannot do what `why` names. The web app answers the
 * `step-up-required` problem by asking for the code, then repeats the request.
 */
export function requireRecentStepUp({ ctx, why }: { ctx: AccessContext; why: TLocalizedText }) {
  if (!hasRecentStepUp(ctx))
    throw new HttpProblem(
      403,
      'step-up-required',
      { it: 'Conferma la tua identità', en: 'Confirm your identity' },
      why,
    );
}
