import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TTicketLookup, ZTicketLookupQuerySchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useTicketCheckin, useTicketLookup } from './community-events-api.js';
import { sessionWhen } from './event-words.js';
import { usePlaceStatus } from './participant-words.js';

type Registration = TTicketLookup['items'][number];

/**
 * Where a printed ticket's QR leads, on the organiser's phone: the event the ticket is for and its
 * sessions of today, each with a button that marks the person present. A code can also be typed.
 */
export function TicketPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const lookup = useTicketLookup(code);
  return (
    <>
      <PageHeading title={t('communityEvents.ticketPage.title')}>
        <p className="mb-2">{t('communityEvents.ticketPage.intro')}</p>
        <Link to="/community/events">{t('communityEvents.backToList')}</Link>
      </PageHeading>
      <CodeForm code={code} />
      {code && (
        <AsyncContent query={lookup}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="callout note p-3" role="status">
                {t('communityEvents.ticketPage.notFound')}
              </p>
            ) : (
              <ul className="list-unstyled">
                {data.items.map((item) => (
                  <RegistrationCard key={item.placeId} item={item} code={code} />
                ))}
              </ul>
            )
          }
        </AsyncContent>
      )}
    </>
  );
}

function CodeForm({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(code ?? '');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZTicketLookupQuerySchema.shape.code.safeParse(value.replace(/\s+/g, ''));
    setInvalid(!parsed.success);
    if (parsed.success) void navigate({ to: '/community/ticket', search: { code: parsed.data } });
  };
  return (
    <form onSubmit={submit} noValidate className="mb-4">
      <div className="form-group">
        <label htmlFor="ticket-lookup-code" className="active">
          {t('communityEvents.checkin.code')}
        </label>
        <input
          id="ticket-lookup-code"
          className={`form-control font-monospace${invalid ? ' is-invalid' : ''}`}
          value={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'ticket-lookup-code-error' : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {invalid && (
          <div id="ticket-lookup-code-error" className="invalid-feedback d-block" role="alert">
            {t('communityEvents.checkin.codeFormat')}
          </div>
        )}
      </div>
      <button type="submit" className="btn btn-outline-primary">
        {t('communityEvents.ticketPage.find')}
      </button>
    </form>
  );
}

function RegistrationCard({ item, code }: { item: Registration; code: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const placeStatus = usePlaceStatus();
  const checkin = useTicketCheckin();
  const [done, setDone] = useState<string | null>(null);
  const who = item.anonymous || !item.name ? t('communityEvents.participants.anonymous') : item.name;
  const open = item.live && item.eventStatus !== 'cancelled';
  return (
    <li className="card shadow-sm mb-3">
      <div className="card-body p-3">
        <h2 className="h5 mb-1">
          <Link to="/community/events/$eventId" params={{ eventId: item.eventId }}>
            {item.eventTitle}
          </Link>
        </h2>
        <p className="mb-2">
          {t(`communityEvents.kind.${item.eventKind}`)} · {who} · {placeStatus(item.status)}
          {item.eventStatus === 'cancelled' ? ` · ${t('communityEvents.status.cancelled')}` : ''}
        </p>
        {done && (
          <p className="alert alert-success" role="status">
            {done}
          </p>
        )}
        {checkin.error ? <ActionProblem error={checkin.error} /> : null}
        {item.sessionsToday.length === 0 ? (
          <p className="mb-0">{t('communityEvents.ticketPage.noSessionToday')}</p>
        ) : (
          <ul className="list-unstyled mb-0">
            {item.sessionsToday.map((session) => (
              <li key={session.id} className="mb-2">
                <p className="mb-1">
                  {sessionWhen(session.startsAt, session.endsAt, locale)}
                  {session.place ? ` · ${session.place}` : ''}
                </p>
                {session.present ? (
                  <p className="fw-semibold mb-0">
                    <span aria-hidden="true">✓ </span>
                    {t('communityEvents.ticketPage.present')}
                  </p>
                ) : (
                  open && (
                    <button
                      type="button"
                      className="btn btn-primary btn-lg w-100"
                      disabled={checkin.isPending}
                      onClick={() =>
                        checkin.mutate(
                          { sessionId: session.id, ticketCode: code },
                          {
                            onSuccess: (result) =>
                              setDone(
                                result.already
                                  ? t('communityEvents.checkin.already', { who })
                                  : t('communityEvents.checkin.done', { who }),
                              ),
                          },
                        )
                      }
                    >
                      {t('communityEvents.ticketPage.markPresent')}
                    </button>
                  )
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
