import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useUserMutations, useUserSessions } from './users-api.js';

export function SessionsSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The list and the revocation share one permission on the server; the parent checks it too.
  const canRevoke = useCan()('sessions.revoke');
  const sessions = useUserSessions(userId);
  const { revokeSessions } = useUserMutations(userId);
  const [confirming, setConfirming] = useState(false);

  async function revoke() {
    await revokeSessions.mutateAsync().catch(() => undefined);
    setConfirming(false);
  }

  return (
    <section aria-labelledby="sessions-heading" className="mb-5">
      <h2 id="sessions-heading" className="h4 mb-3">
        {t('users.sessions.title')}
      </h2>
      <AsyncContent query={sessions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('users.sessions.empty')}</p>
          ) : (
            <DataTable caption={t('users.sessions.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('users.sessions.createdAt')}</th>
                  <th scope="col">{t('users.sessions.lastSeenAt')}</th>
                  <th scope="col">{t('users.sessions.clientIp')}</th>
                  <th scope="col">{t('users.sessions.userAgent')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{formatDateTime(s.createdAt, locale)}</th>
                    <td>{formatDateTime(s.lastSeenAt, locale)}</td>
                    <td>{s.clientIp ?? '—'}</td>
                    <td className="small">{s.userAgent ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
      {revokeSessions.data && (
        <div className="alert alert-success" role="status">
          {t('users.sessions.revoked', { count: revokeSessions.data.revoked })}
        </div>
      )}
      {revokeSessions.error ? <ProblemAlert error={revokeSessions.error} /> : null}
      {canRevoke &&
        (confirming ? (
          <ConfirmPanel
            message={t('users.sessions.confirm')}
            confirmLabel={t('users.sessions.confirmRevoke')}
            onConfirm={revoke}
            onCancel={() => setConfirming(false)}
            pending={revokeSessions.isPending}
          />
        ) : (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setConfirming(true)}>
            {t('users.sessions.revokeAll')}
          </button>
        ))}
    </section>
  );
}
