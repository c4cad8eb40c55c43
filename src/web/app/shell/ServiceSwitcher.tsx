import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchMembership } from '../../features/auth/auth-api.js';
import { sessionQueryOptions, useSession } from '../../session/session.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { membershipLabel } from './membership-label.js';

/**
 * Shows the active service and lets a user with several memberships change it. The change is applied
 * with a button (not on select change) so that moving through the options by keyboard does not
 * reload the page's data under the user (WCAG 3.2.2).
 */
export function ServiceSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [selected, setSelected] = useState(session.activeMembershipId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const active = session.memberships.find((m) => m.id === session.activeMembershipId);

  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!selected || selected === session.activeMembershipId) return;
    setBusy(true);
    setError(null);
    try {
      await switchMembership(selected);
      await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
      // Everything shown so far was computed for the previous service.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await router.invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (session.memberships.length <= 1) {
    return (
      <p className="mb-0 text-white small">
        <span className="visually-hidden">{t('shell.activeService')}: </span>
        {active ? membershipLabel(t, active, session.user.addressForm) : t('shell.noService')}
      </p>
    );
  }

  return (
    <form className="service-switcher d-flex flex-wrap align-items-end gap-2" onSubmit={apply}>
      <div>
        <label htmlFor="active-membership" className="d-block text-white small fw-semibold">
          {t('shell.activeService')}
        </label>
        <select
          id="active-membership"
          className="form-select form-select-sm"
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
        >
          {!active && <option value="">{t('shell.noService')}</option>}
          {session.memberships.map((m) => (
            <option key={m.id} value={m.id}>
              {membershipLabel(t, m, session.user.addressForm)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="btn btn-light btn-sm"
        disabled={busy || selected === (session.activeMembershipId ?? '')}
      >
        {t('shell.switchService')}
      </button>
      {error ? <ProblemAlert error={error} className="w-100 mt-2 mb-0" /> : null}
    </form>
  );
}
