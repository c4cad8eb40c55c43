import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TMediatorJob, ZDeclineInputSchema } from '../../../contracts/mediation.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { orNull } from '../../ui/forms/values.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { AvailabilitySection } from './AvailabilitySection.js';
import { CalendarSection } from './CalendarSection.js';
import { HoursLogForm } from './HoursLogForm.js';
import { JobCard, jobHeadingId } from './JobCard.js';
import { jobsBySection, type TJobSection } from './job-sections.js';
import { useAnswerAssignment, useAnswerOffer, useMyJobs } from './mediation-mine-api.js';

/** What the last answer did: words to read, or the server's refusal (an offer someone else took). */
type Outcome = { message: string } | { error: unknown } | null;

/** The sections move with the clock (a confirmed mediation becomes one to log once it starts). */
function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The mediator's page, made for a phone first: offers to take, assignments to confirm, what is
 * coming, what to log and what is done, then their absences and the calendar for their phone.
 * Only the minimum of each mediation, never anything of the case.
 */
export function MyJobsPage() {
  const { t } = useTranslation();
  const jobs = useMyJobs();
  const now = useNow();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <>
      <PageHeading title={t('mediationMine.title')}>
        <p className="mb-0">{t('mediationMine.intro')}</p>
      </PageHeading>
      <OutcomeNotice outcome={outcome} />
      <AsyncContent query={jobs}>
        {(data) => <Sections jobs={data.items} now={now} onOutcome={setOutcome} />}
      </AsyncContent>
      <AvailabilitySection />
      <CalendarSection />
    </>
  );
}

/** The answer's result takes the focus: the card answered may have just moved to another section. */
function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  return (
    <div ref={ref} tabIndex={-1}>
      {outcome && 'error' in outcome ? <ActionProblem error={outcome.error} /> : null}
      {outcome && 'message' in outcome ? (
        <p className="alert alert-success" role="status">
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}

function Sections({
  jobs,
  now,
  onOutcome,
}: {
  jobs: TMediatorJob[];
  now: Date;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const sections = jobsBySection(jobs, now);
  const answerOffer = useAnswerOffer();
  const answerAssignment = useAnswerAssignment();
  const done = (message: string) => () => onOutcome({ message });
  const failed = (error: unknown) => onOutcome({ error });
  return (
    <>
      <JobSection id="offers" jobs={sections.offers} note={t('mediationMine.sections.offersNote')}>
        {(job) => (
          <FormActions>
            <button
              type="button"
              className="btn btn-primary"
              aria-describedby={jobHeadingId(job)}
              disabled={answerOffer.isPending}
              onClick={() =>
                answerOffer.mutate(
                  { requestId: job.id, accept: true },
                  { onSuccess: done(t('mediationMine.done.accepted')), onError: failed },
                )
              }
            >
              {t('mediationMine.actions.accept')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary"
              aria-describedby={jobHeadingId(job)}
              disabled={answerOffer.isPending}
              onClick={() =>
                answerOffer.mutate(
                  { requestId: job.id, accept: false },
                  { onSuccess: done(t('mediationMine.done.offerDeclined')), onError: failed },
                )
              }
            >
              {t('mediationMine.actions.declineOffer')}
            </button>
          </FormActions>
        )}
      </JobSection>
      <JobSection id="toConfirm" jobs={sections.toConfirm} note={t('mediationMine.sections.toConfirmNote')}>
        {(job) => (
          <ConfirmActions
            job={job}
            pending={answerAssignment.isPending}
            onAnswer={(confirm, reason) =>
              answerAssignment.mutate(
                { id: job.id, confirm, reason },
                {
                  onSuccess: done(
                    t(confirm ? 'mediationMine.done.confirmed' : 'mediationMine.done.declined'),
                  ),
                  onError: failed,
                },
              )
            }
          />
        )}
      </JobSection>
      <JobSection id="upcoming" jobs={sections.upcoming} empty={t('mediationMine.sections.upcomingEmpty')} />
      <JobSection id="toLog" jobs={sections.toLog} note={t('mediationMine.sections.toLogNote')}>
        {(job) => <HoursLogForm job={job} onLogged={done(t('mediationMine.done.logged'))} />}
      </JobSection>
      <JobSection id="done" jobs={sections.done} empty={t('mediationMine.sections.doneEmpty')} />
    </>
  );
}

/**
 * One section of jobs as cards. A section with nothing to answer is left out when empty; the
 * sections that tell the mediator where they stand say so (`empty`).
 */
function JobSection({
  id,
  jobs,
  note,
  empty,
  children,
}: {
  id: TJobSection;
  jobs: TMediatorJob[];
  note?: string;
  empty?: string;
  children?: (job: TMediatorJob) => ReactNode;
}) {
  const { t } = useTranslation();
  if (jobs.length === 0 && !empty) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-5">
      <h2 id={`${id}-heading`} className="h3">
        {t(`mediationMine.sections.${id}`)}
        {jobs.length > 0 && (
          <>
            {' '}
            <span className="badge bg-primary ms-1 align-middle">{jobs.length}</span>
          </>
        )}
      </h2>
      {note && <p>{note}</p>}
      {jobs.length === 0 ? (
        <p>{empty}</p>
      ) : (
        jobs.map((job) => (
          <JobCard key={`${job.kind}-${job.id}`} job={job}>
            {children?.(job)}
          </JobCard>
        ))
      )}
    </section>
  );
}

/** Confirm at once, or decline with a reason that may stay empty. */
function ConfirmActions({
  job,
  pending,
  onAnswer,
}: {
  job: TMediatorJob;
  pending: boolean;
  onAnswer: (confirm: boolean, reason: string | null) => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  if (declining)
    return (
      <ReasonForm
        id={`decline-${job.id}`}
        label={t('mediationMine.actions.declineReason')}
        hint={t('mediationMine.actions.declineHint')}
        schema={ZDeclineInputSchema.shape.reason}
        optional
        submitLabel={t('mediationMine.actions.declineSubmit')}
        pending={pending}
        error={null}
        onSubmit={(reason) => onAnswer(false, orNull(reason))}
        onCancel={() => setDeclining(false)}
      />
    );
  return (
    <FormActions>
      <button
        type="button"
        className="btn btn-primary"
        aria-describedby={jobHeadingId(job)}
        disabled={pending}
        onClick={() => onAnswer(true, null)}
      >
        {t('mediationMine.actions.confirm')}
      </button>
      <button
        type="button"
        className="btn btn-outline-secondary"
        aria-describedby={jobHeadingId(job)}
        disabled={pending}
        onClick={() => setDeclining(true)}
      >
        {t('mediationMine.actions.decline')}
      </button>
    </FormActions>
  );
}
