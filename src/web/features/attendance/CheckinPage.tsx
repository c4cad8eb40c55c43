import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZIdSchema } from '../../../contracts/common.js';
import type { TAttendanceStatus } from '../../../contracts/gatherings.js';
import { useLocale } from '../../i18n/index.js';
import { sessionQueryOptions } from '../../session/session.js';
import { formatDateTime } from '../../ui/format.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { usePersonalCheckin, useSignedInCheckin } from './attendance-api.js';
import { storedPersonalToken } from './personal-token.js';

/**
 * Where the trainer's QR leads. Signed in, the check-in is the user's own; otherwise it uses the
 * personal link an external participant opened on this phone before. It is sent once, as the page
 * opens: the code is valid for seconds only.
 */
export function CheckinPage({ sessionId, code }: { sessionId: string; code: string | null }) {
  const { t } = useTranslation();
  const session = useQuery(sessionQueryOptions);
  const signedIn = session.data?.state === 'authenticated';
  const [token] = useState(storedPersonalToken);
  const own = useSignedInCheckin(sessionId);
  const personal = usePersonalCheckin(sessionId);
  const sent = useRef(false);
  const usable = code !== null && ZIdSchema.safeParse(sessionId).success;

  useEffect(() => {
    if (sent.current || !usable || session.isPending) return;
    if (signedIn) own.mutate(code);
    else if (token) personal.mutate({ token, code });
    else return;
    sent.current = true;
  }, [usable, session.isPending, signedIn, token, code, own, personal]);

  const attempt = signedIn ? own : personal;
  let content: ReactNode;
  if (!usable) content = <Notice text={t('attendance.checkin.noCode')} />;
  else if (session.isPending || attempt.isPending || (attempt.isIdle && (signedIn || token)))
    content = <Loading />;
  else if (!signedIn && !token) content = <NeedLink />;
  else if (attempt.isError)
    content = (
      <>
        <ProblemAlert error={attempt.error} />
        <p>{t('attendance.checkin.scanAgain')}</p>
      </>
    );
  else if (attempt.data) content = <Recorded result={attempt.data} />;

  return (
    <>
      <PageHeading title={t('attendance.checkin.title')} />
      {content}
    </>
  );
}

function Notice({ text }: { text: string }) {
  return <p className="callout note p-3">{text}</p>;
}

/** No session and no personal link on this phone: how to get one or the other. */
function NeedLink() {
  const { t } = useTranslation();
  return (
    <div className="callout note p-3">
      <p>{t('attendance.checkin.needLink')}</p>
      <p className="mb-0">
        {t('attendance.checkin.orSignIn')}{' '}
        <Link to="/login" search={{ redirect: `${window.location.pathname}${window.location.search}` }}>
          {t('attendance.checkin.signIn')}
        </Link>
      </p>
    </div>
  );
}

function Recorded({ result }: { result: { status: TAttendanceStatus; title: string; startsAt: string } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const late = result.status === 'late';
  return (
    <div className={`alert ${late ? 'alert-warning' : 'alert-success'}`} role="status">
      <p className="h4">
        <span aria-hidden="true">{late ? '⏱ ' : '✓ '}</span>
        {late ? t('attendance.checkin.late') : t('attendance.checkin.present')}
      </p>
      <p className="mb-0">
        {t('attendance.checkin.sessionOf', {
          title: result.title,
          start: formatDateTime(result.startsAt, locale),
        })}
      </p>
    </div>
  );
}
