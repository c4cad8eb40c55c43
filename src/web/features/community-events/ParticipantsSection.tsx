import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEvent } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useRegistrationMutations, useRegistrations } from './community-events-api.js';
import { usePublicLanguages } from './event-words.js';
import { usePlaceStatus } from './participant-words.js';

/** Who registered, for the organisers only (anyone else is answered "not found" and sees nothing). */
export function ParticipantsSection({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const registrations = useRegistrations(event.id, event.canManage);
  const { cancel } = useRegistrationMutations(event.id);
  const languages = usePublicLanguages();
  const placeStatus = usePlaceStatus();
  const [cancelling, setCancelling] = useState<{ placeId: string; name: string } | null>(null);
  const open = event.status !== 'cancelled';

  return (
    <section aria-labelledby="event-participants" className="mb-4">
      <h2 id="event-participants" className="h4">
        {t('communityEvents.participants.title')}
      </h2>
      <p>{t('communityEvents.participants.intro')}</p>
      {cancelling && (
        <ConfirmPanel
          message={t('communityEvents.participants.cancelConfirm', { name: cancelling.name })}
          confirmLabel={t('communityEvents.participants.cancelYes')}
          pending={cancel.isPending}
          onCancel={() => setCancelling(null)}
          onConfirm={() => cancel.mutate(cancelling.placeId, { onSuccess: () => setCancelling(null) })}
        />
      )}
      {cancel.error ? <ActionProblem error={cancel.error} /> : null}
      <AsyncContent query={registrations} notFound={null}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('communityEvents.participants.empty')}</p>
          ) : (
            <DataTable caption={t('communityEvents.participants.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('communityEvents.participants.name')}</th>
                  <th scope="col">{t('communityEvents.participants.kind')}</th>
                  <th scope="col">{t('communityEvents.participants.status')}</th>
                  <th scope="col">{t('communityEvents.participants.attended')}</th>
                  <th scope="col">{t('communityEvents.participants.how')}</th>
                  {open && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((r) => {
                  const name = r.anonymous || !r.name ? t('communityEvents.participants.anonymous') : r.name;
                  const live = r.status !== 'cancelled';
                  return (
                    <tr key={r.placeId}>
                      <th scope="row">
                        {name}
                        {r.phone && <span className="d-block small fw-normal">{r.phone}</span>}
                      </th>
                      <td>{t(`communityEvents.participant.${r.participant}`)}</td>
                      <td>{placeStatus(r.status)}</td>
                      <td>
                        {t('communityEvents.participants.attendedValue', {
                          count: r.sessionsAttended,
                          n: formatNumber(r.sessionsAttended, locale),
                          of: formatNumber(event.sessions.length, locale),
                        })}
                      </td>
                      <td>
                        {t(`communityEvents.registeredVia.${r.registeredVia}`)} ·{' '}
                        {languages.nameOf(r.language)}
                      </td>
                      {open && (
                        <td>
                          {live && (
                            <button
                              type="button"
                              className="btn btn-outline-danger btn-xs"
                              onClick={() => setCancelling({ placeId: r.placeId, name })}
                            >
                              {t('communityEvents.participants.cancel', { name })}
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
