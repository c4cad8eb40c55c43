import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPersonalPage } from '../../../contracts/gatherings.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useConfirmPersonalPlace, usePersonalPage } from './attendance-api.js';
import { forgetPersonalToken, storedPersonalToken, storePersonalToken } from './personal-token.js';

/**
 * An external participant's page, reached by the personal link they received by e-mail, without
 * an account: their course, sessions and hours, the calendar, the offered place to confirm. The
 * link is kept on this phone so that scanning the trainer's QR checks them in; they can forget it.
 */
export function PersonalPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const page = usePersonalPage(token);
  const [kept, setKept] = useState(() => storedPersonalToken() === token);
  const forgotten = useRef(false);

  useEffect(() => {
    if (page.data && !forgotten.current) setKept(storePersonalToken(token));
    // A link that no longer opens anything is not kept either.
    if (isApiError(page.error) && page.error.isNotFound && storedPersonalToken() === token) {
      forgetPersonalToken();
      setKept(false);
    }
  }, [page.data, page.error, token]);

  if (page.isPending) return <Loading />;
  if (page.isError) {
    if (isApiError(page.error) && page.error.isNotFound)
      return (
        <>
          <PageHeading title={t('attendance.personal.notFound.title')} />
          <p>{t('attendance.personal.notFound.detail')}</p>
        </>
      );
    return (
      <>
        <PageHeading title={t('attendance.personal.title')} />
        <ProblemAlert error={page.error} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('attendance.personal.title')}>
        <p className="lead mb-0">{t('attendance.personal.greeting', { name: page.data.participantName })}</p>
      </PageHeading>
      <Details token={token} data={page.data} />
      <section aria-labelledby="device-heading" className="mb-4">
        <h2 id="device-heading" className="h4">
          {t('attendance.personal.device.title')}
        </h2>
        {kept ? (
          <>
            <p>{t('attendance.personal.device.kept')}</p>
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => {
                forgotten.current = true;
                forgetPersonalToken();
                setKept(false);
              }}
            >
              {t('attendance.personal.device.forget')}
            </button>
          </>
        ) : (
          <p role="status">
            {forgotten.current
              ? t('attendance.personal.device.forgotten')
              : t('attendance.personal.device.notKept')}
          </p>
        )}
      </section>
    </>
  );
}

function Details({ token, data }: { token: string; data: TPersonalPage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const confirm = useConfirmPersonalPlace(token);
  const total = data.sessions.reduce((sum, s) => sum + s.hours, 0);
  return (
    <>
      <Facts>
        <Fact label={t('attendance.personal.course')}>{data.title}</Fact>
        <Fact label={t('attendance.personal.status')}>{t(`enums.placeStatus.${data.status}`)}</Fact>
        <Fact label={t('attendance.personal.hours')}>
          {t('attendance.personal.hoursValue', {
            attended: formatNumber(data.attendedHours, locale),
            total: formatNumber(total, locale),
          })}
        </Fact>
        <Fact label={t('attendance.personal.linkValid')}>{formatDateTime(data.linkExpiresAt, locale)}</Fact>
      </Facts>

      {data.status === 'offered' && (
        <div className="callout note p-3 mb-4">
          <p>{t('attendance.personal.offered')}</p>
          {confirm.isError && <ProblemAlert error={confirm.error} />}
          <button
            type="button"
            className="btn btn-primary"
            disabled={confirm.isPending}
            onClick={() => confirm.mutate()}
          >
            {t('attendance.personal.confirm')}
          </button>
        </div>
      )}
      {confirm.isSuccess && data.status === 'confirmed' && (
        <p className="alert alert-success" role="status">
          {t('attendance.personal.confirmed')}
        </p>
      )}

      <section aria-labelledby="sessions-heading" className="mb-4">
        <h2 id="sessions-heading" className="h4">
          {t('attendance.personal.sessions')}
        </h2>
        {data.sessions.length === 0 ? (
          <p>{t('attendance.personal.noSessions')}</p>
        ) : (
          <ul className="list-unstyled">
            {data.sessions.map((s) => (
              <li key={s.id} className="card shadow-sm mb-2">
                <div className="card-body p-3">
                  <p className="fw-semibold mb-1">
                    {t('attendance.personal.when', {
                      start: formatDateTime(s.startsAt, locale),
                      end: formatDateTime(s.endsAt, locale),
                    })}
                  </p>
                  {s.place && <p className="mb-1">{s.place}</p>}
                  {s.onlineLink && (
                    <a href={s.onlineLink} rel="noopener noreferrer">
                      {t('attendance.personal.online')}
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <a className="btn btn-outline-primary" href={data.calendarUrl} download>
          {t('attendance.personal.calendar')}
        </a>
      </section>
      {data.status === 'confirmed' && (
        <section className="mt-4" aria-labelledby="personal-questionnaires">
          <h2 id="personal-questionnaires" className="h4">
            {t('attendance.personal.questionnaires')}
          </h2>
          <p>{t('attendance.personal.questionnairesIntro')}</p>
          <div className="d-flex flex-wrap gap-2">
            <a
              className="btn btn-outline-primary"
              href={`/partecipa/${encodeURIComponent(token)}/questionario?phase=pre`}
            >
              {t('attendance.personal.questionnairePre')}
            </a>
            <a
              className="btn btn-outline-primary"
              href={`/partecipa/${encodeURIComponent(token)}/questionario?phase=post`}
            >
              {t('attendance.personal.questionnairePost')}
            </a>
          </div>
        </section>
      )}
    </>
  );
}
