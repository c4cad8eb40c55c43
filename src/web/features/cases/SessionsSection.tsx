import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime } from '../../ui/format.js';
import { useReferenceOptions, WhenReferenceLoaded } from '../households/reference-options.js';
import { useCaseSessions } from './cases-api.js';
import { SessionForm } from './SessionForm.js';

export function SessionsSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sessions = useCaseSessions(data.id);
  const { languageName } = useReferenceOptions();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState(false);

  return (
    <section aria-labelledby="sessions-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h2 id="sessions-heading" className="h4 mb-0">
          {t('cases.tabs.sessions')}
        </h2>
        {data.can.edit && data.status !== 'closed' && !adding && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              setCreated(false);
              setAdding(true);
            }}
          >
            {t('sessions.new')}
          </button>
        )}
      </div>
      <div role="status">{created && <div className="alert alert-success">{t('sessions.created')}</div>}</div>
      {adding && (
        <EditorCard id="session-form" title={t('sessions.form.title')}>
          <WhenReferenceLoaded>
            {() => (
              <SessionForm
                data={data}
                onDone={(saved) => {
                  setAdding(false);
                  setCreated(saved);
                }}
              />
            )}
          </WhenReferenceLoaded>
        </EditorCard>
      )}
      <AsyncContent query={sessions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('sessions.empty')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('sessions.caption', { count: items.length, code: data.code })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('sessions.fields.startsAt')}</th>
                  <th scope="col">{t('sessions.fields.kind')}</th>
                  <th scope="col">{t('caseServices.session.statusHeading')}</th>
                  <th scope="col">{t('sessions.fields.duration')}</th>
                  <th scope="col">{t('sessions.fields.place')}</th>
                  <th scope="col">{t('sessions.fields.language')}</th>
                  <th scope="col">{t('sessions.fields.mediator')}</th>
                  <th scope="col">{t('sessions.fields.staff')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((session) => (
                  <tr key={session.id}>
                    <th scope="row" className="text-nowrap">
                      <Link to="/sessions/$sessionId" params={{ sessionId: session.id }}>
                        {formatDateTime(session.startsAt, locale)}
                      </Link>
                    </th>
                    <td>{t(`enums.sessionKind.${session.kind}`)}</td>
                    <td>{t(`caseServices.session.status.${session.status}`)}</td>
                    <td>{t('sessions.minutes', { count: session.durationMinutes })}</td>
                    <td>{t(`enums.place.${session.place}`)}</td>
                    <td>{session.language ? languageName(session.language) : '—'}</td>
                    <td>{session.mediator?.displayName ?? '—'}</td>
                    <td>{session.staff.map((s) => s.displayName).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
