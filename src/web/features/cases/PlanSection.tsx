import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCarePlan, type TPlanVersion, ZReturnInputSchema } from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { TextAreaField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { usePlan, usePlanChange } from './care-plan-api.js';
import { PlanForm } from './PlanForm.js';
import { PlanGoals } from './PlanGoals.js';
import { ReviewForm, ReviewList } from './ReviewSection.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * The "Piano" tab (Progetto Quadro): the approved version, frozen, with its goals' progress; the
 * draft or returned version with the supervisor's comments; the history of versions; the reviews.
 */
export function PlanSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const query = usePlan(data.id);
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="h4">
        {t('cases.tabs.plan')}
      </h2>
      <AsyncContent query={query}>{(plan) => <PlanBody data={data} plan={plan} />}</AsyncContent>
    </section>
  );
}

function PlanBody({ data, plan }: { data: TCase; plan: TCarePlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = usePlanChange(data.id);
  const approved = plan.versions.find((v) => v.id === plan.approvedId) ?? null;
  const draft = plan.versions.find((v) => v.id === plan.draftId) ?? null;
  const [reviewing, setReviewing] = useState(false);
  return (
    <>
      <Facts>
        <Fact label={t('cases.fields.planStatus')}>
          <StatusBadge kind="planStatus" value={data.planStatus} />
        </Fact>
        <Fact label={t('carePlan.plan.nextReview')}>{formatDay(plan.nextReviewOn, locale)}</Fact>
      </Facts>
      {change.error ? <ActionProblem error={change.error} /> : null}
      {!approved && !draft && (
        <>
          <p>{t('carePlan.plan.empty')}</p>
          {plan.can.edit && (
            <button
              type="button"
              className="btn btn-primary btn-sm mb-4"
              onClick={() => change.mutate({ method: 'POST', path: '/versions' })}
            >
              {t('carePlan.plan.newVersion')}
            </button>
          )}
        </>
      )}
      {draft && <DraftVersion data={data} plan={plan} version={draft} />}
      {approved && (
        <section className="card card-body mb-4" aria-labelledby="plan-approved-heading">
          <h3 id="plan-approved-heading" className="h5">
            {t('carePlan.plan.approvedTitle', { number: approved.number })}
          </h3>
          <p className="small">
            {t('carePlan.plan.approvedBy', {
              name: approved.decidedByName ?? '—',
              when: formatDateTime(approved.decidedAt, locale),
            })}
          </p>
          {approved.decisionComment ? <p>{approved.decisionComment}</p> : null}
          <PlanGoals data={data} plan={plan} version={approved} />
        </section>
      )}
      <section className="mb-4" aria-labelledby="plan-reviews-heading">
        <h3 id="plan-reviews-heading" className="h5">
          {t('carePlan.review.title')}
        </h3>
        {plan.can.edit && approved && !reviewing && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => setReviewing(true)}
          >
            {t('carePlan.review.record')}
          </button>
        )}
        {reviewing && approved && (
          <ReviewForm data={data} version={approved} onDone={() => setReviewing(false)} />
        )}
        <ReviewList data={data} plan={plan} />
      </section>
      <VersionHistory versions={plan.versions} />
    </>
  );
}

function DraftVersion({ data, plan, version }: { data: TCase; plan: TCarePlan; version: TPlanVersion }) {
  const { t } = useTranslation();
  const change = usePlanChange(data.id);
  const [adding, setAdding] = useState(false);
  const [comment, setComment] = useState('');
  const editable = plan.can.edit && (version.status === 'draft' || version.status === 'returned');
  const path = `/versions/${version.id}`;
  return (
    <section className="card card-body mb-4" aria-labelledby="plan-draft-heading">
      <h3 id="plan-draft-heading" className="h5">
        {t('carePlan.plan.draftTitle', { number: version.number })}{' '}
        <span className="badge bg-secondary">{t(`carePlan.versionStatus.${version.status}`)}</span>
      </h3>
      {version.status === 'returned' && version.decisionComment ? (
        <div className="alert alert-warning" role="note">
          <strong>{t('carePlan.plan.supervisorComments', { name: version.decidedByName ?? '—' })}</strong>
          <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
            {version.decisionComment}
          </p>
        </div>
      ) : null}
      <PlanGoals data={data} plan={plan} version={version} />
      {editable && !adding && (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('carePlan.goal.add')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={change.isPending || version.goals.length === 0}
            onClick={() => change.mutate({ method: 'POST', path: `${path}/submit` })}
          >
            {t('carePlan.plan.submit')}
          </button>
        </div>
      )}
      {adding && <PlanForm data={data} onDone={() => setAdding(false)} />}
      {plan.can.decide && (
        <div className="mt-3">
          {change.error ? <ActionProblem error={change.error} /> : null}
          <TextAreaField
            id="plan-decision-comment"
            label={t('carePlan.plan.comment')}
            hint={t('carePlan.plan.commentHint')}
            rows={3}
            maxLength={maxLengthOf(ZReturnInputSchema.shape.comment)}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-success btn-sm"
              disabled={change.isPending}
              onClick={() =>
                change.mutate({
                  method: 'POST',
                  path: `${path}/approve`,
                  body: comment.trim() ? { comment } : {},
                })
              }
            >
              {t('carePlan.plan.approve')}
            </button>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              disabled={change.isPending}
              onClick={() => change.mutate({ method: 'POST', path: `${path}/return`, body: { comment } })}
            >
              {t('carePlan.plan.return')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function VersionHistory({ versions }: { versions: TPlanVersion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="plan-history-heading">
      <h3 id="plan-history-heading" className="h5">
        {t('carePlan.plan.history')}
      </h3>
      <ul className="list-unstyled">
        {versions.map((v) => (
          <li key={v.id} className="mb-2">
            {t('carePlan.plan.versionLine', {
              number: v.number,
              status: t(`carePlan.versionStatus.${v.status}`),
              created: formatDateTime(v.createdAt, locale),
            })}
            {v.decidedAt
              ? ` · ${t('carePlan.plan.decided', { name: v.decidedByName ?? '—', when: formatDateTime(v.decidedAt, locale) })}`
              : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
