import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TRequest, ZCancelInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { useCan, useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { AfterMediation } from './AfterMediation.js';
import { MatchesSection } from './MatchesSection.js';
import { useRequest, useRequestActions } from './mediation-api.js';
import { formatDecimal, formatHours, requestStatusText } from './mediation-words.js';
import { useMediationReference, WhenReferenceLoaded } from './reference-names.js';

const WAITING = ['open', 'offered'];
const HELD = ['assigned', 'confirmed'];
const LOGGED = ['completed', 'no_show'];

/**
 * One request in words: what was asked, where it stands and who was assigned. While it waits, the
 * ranked matches (the coordinator assigns or offers from them); once it took place, the requester's
 * rating and the person's feedback link.
 */
export function RequestDetailPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const request = useRequest(requestId);
  return (
    <AsyncContent query={request}>
      {(data) => (
        <>
          <PageHeading title={t('mediation.request.title', { code: data.code })}>
            <p className="mb-2 h5 fw-normal">{requestStatusText(t, data)}</p>
            <Link to="/mediation/requests">{t('mediation.backToRequests')}</Link>
          </PageHeading>
          <WhenReferenceLoaded>{() => <RequestView request={data} />}</WhenReferenceLoaded>
        </>
      )}
    </AsyncContent>
  );
}

function RequestView({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession();
  const mine = request.requesterId === session.user.id;
  const coordinator = can('mediation.coordinate');
  const assignment = request.assignment;
  return (
    <>
      {request.unmatched && WAITING.includes(request.status) && (
        <div className="callout warning my-3">
          <div className="callout-title">{t('mediation.request.unmatchedTitle')}</div>
          <p className="mb-0">{t('mediation.request.unmatchedText')}</p>
        </div>
      )}
      <RequestFacts request={request} />
      {assignment && (HELD.includes(assignment.status) || LOGGED.includes(assignment.status)) && (
        <AssignmentSection request={request} canRemove={coordinator && HELD.includes(assignment.status)} />
      )}
      {request.offeredTo.length > 0 && <OffersList request={request} />}
      {WAITING.includes(request.status) && (mine || coordinator) && (
        <MatchesSection request={request} coordinator={coordinator} />
      )}
      {assignment && LOGGED.includes(assignment.status) && mine && (
        <AfterMediation requestId={request.id} assignment={assignment} />
      )}
      {(mine || coordinator) && !['completed', 'cancelled'].includes(request.status) && (
        <CancelSection requestId={request.id} />
      )}
    </>
  );
}

function RequestFacts({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { languageName, countryName } = useMediationReference();
  const yesNo = (value: boolean) => (value ? t('mediation.yes') : t('mediation.no'));
  return (
    <section aria-labelledby="request-facts" className="mb-4">
      <h2 id="request-facts" className="h4">
        {t('mediation.request.facts')}
      </h2>
      <Facts>
        <Fact label={t('mediation.request.language')}>
          {languageName(request.language)}
          {request.dialect ? ` (${t('mediation.request.dialectOf', { dialect: request.dialect })})` : ''}
        </Fact>
        <Fact label={t('mediation.request.when')}>
          {t('mediation.request.whenFor', {
            when: formatDateTime(request.startsAt, locale),
            minutes: request.durationMinutes,
          })}
        </Fact>
        <Fact label={t('mediation.request.mode')}>{t(`mediationWords.mode.${request.mode}`)}</Fact>
        {request.mode === 'in_person' && (
          <>
            <Fact label={t('mediation.request.municipality')}>{request.municipalityName ?? '—'}</Fact>
            <Fact label={t('mediation.request.place')}>{request.place ?? '—'}</Fact>
          </>
        )}
        <Fact label={t('mediation.request.purpose')}>{t(`mediationWords.purpose.${request.purpose}`)}</Fact>
        <Fact label={t('mediation.request.urgency')}>{t(`mediationWords.urgency.${request.urgency}`)}</Fact>
        {request.victim ? (
          <>
            <Fact label={t('mediation.request.victim')}>{t('mediation.yes')}</Fact>
            <Fact label={t('mediation.request.victimMediatorGender')}>
              {request.victimMediatorGender
                ? t(`mediationWords.genderPreference.${request.victimMediatorGender}`)
                : '—'}
            </Fact>
            <Fact label={t('mediation.request.avoidSameCommunity')}>{yesNo(request.avoidSameCommunity)}</Fact>
          </>
        ) : (
          <Fact label={t('mediation.request.genderPreference')}>
            {t(`mediationWords.genderPreference.${request.genderPreference}`)}
          </Fact>
        )}
        <Fact label={t('mediation.request.community')}>{countryName(request.community)}</Fact>
        <Fact label={t('mediation.request.workPackage')}>
          {t(`mediationWords.workPackage.${request.workPackage}`)}
        </Fact>
        <Fact label={t('mediation.request.service')}>{request.serviceName}</Fact>
        <Fact label={t('mediation.request.requester')}>{request.requesterName}</Fact>
        <Fact label={t('mediation.request.contact')}>{request.requesterContact}</Fact>
        {request.caseCode && (
          <Fact label={t('mediation.request.case')}>
            {request.caseId ? (
              <Link to="/cases/$caseId" params={{ caseId: request.caseId }} className="font-monospace">
                {request.caseCode}
              </Link>
            ) : (
              request.caseCode
            )}
          </Fact>
        )}
        {request.notes && <Fact label={t('mediation.request.notes')}>{request.notes}</Fact>}
        <Fact label={t('mediation.request.createdAt')}>{formatDateTime(request.createdAt, locale)}</Fact>
      </Facts>
    </section>
  );
}

/** The mediator on the request, where the assignment stands, the hours once logged; the coordinator may take them off. */
function AssignmentSection({ request, canRemove }: { request: TRequest; canRemove: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { removeMediator } = useRequestActions(request.id);
  const [confirming, setConfirming] = useState(false);
  const a = request.assignment;
  if (!a) return null;
  return (
    <section aria-labelledby="request-assignment" className="card shadow-sm p-4 mb-4">
      <h2 id="request-assignment" className="h4">
        {t('mediation.assignment.title')}
      </h2>
      <Facts>
        <Fact label={t('mediation.assignment.mediator')}>{a.mediatorName}</Fact>
        <Fact label={t('mediation.assignment.status')}>
          {t(`mediationWords.assignmentStatus.${a.status}`)}
        </Fact>
        {a.actualMinutes !== null && (
          <Fact label={t('mediation.assignment.hours')}>
            {t('mediation.assignment.hoursLogged', {
              hours: formatHours(a.actualMinutes, locale),
              travel: formatHours(a.travelMinutes ?? 0, locale),
              km: formatDecimal(a.travelKm ?? 0, locale, 1),
            })}
          </Fact>
        )}
      </Facts>
      {removeMediator.error ? <ActionProblem error={removeMediator.error} /> : null}
      {canRemove &&
        (confirming ? (
          <div className="alert alert-warning" role="alert">
            <p>{t('mediation.assignment.removeConfirm', { name: a.mediatorName })}</p>
            <div className="d-flex flex-wrap gap-2">
              <button
                type="button"
                className="btn btn-danger btn-sm"
                disabled={removeMediator.isPending}
                onClick={() => removeMediator.mutate(undefined, { onSuccess: () => setConfirming(false) })}
              >
                {t('mediation.assignment.remove')}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => setConfirming(true)}
            >
              {t('mediation.assignment.remove')}
            </button>
          </div>
        ))}
    </section>
  );
}

function OffersList({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="request-offers" className="mb-4">
      <h2 id="request-offers" className="h4">
        {t('mediation.offers.title')}
      </h2>
      <p>{t('mediation.offers.intro')}</p>
      <ul>
        {request.offeredTo.map((o) => (
          <li key={o.mediatorId}>
            {o.displayName}: {t(`mediationWords.offerStatus.${o.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Cancelling, after a confirmation: a mediator on the request loses access at once. */
function CancelSection({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { cancel } = useRequestActions(requestId);
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="request-cancel" className="mb-4">
      <h2 id="request-cancel" className="h4">
        {t('mediation.cancel.title')}
      </h2>
      {open ? (
        <ReasonForm
          id="request-cancel-reason"
          label={t('mediation.cancel.reason')}
          schema={ZCancelInputSchema.shape.reason}
          optional
          note={<p className="fw-semibold">{t('mediation.cancel.confirm')}</p>}
          submitLabel={t('mediation.cancel.submit')}
          pending={cancel.isPending}
          error={cancel.error}
          onSubmit={(reason) => cancel.mutate(reason.trim() || null, { onSuccess: () => setOpen(false) })}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setOpen(true)}>
          {t('mediation.cancel.submit')}
        </button>
      )}
    </section>
  );
}
