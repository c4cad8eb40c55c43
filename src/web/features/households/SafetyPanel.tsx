import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPerson, TSafetyDetails } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { problemType } from '../../ui/forms/server-errors.js';
import { revealSafety } from './households-api.js';
import { SafetyForm } from './SafetyForm.js';
import { StepUpForm } from './StepUpForm.js';

type Mode = 'closed' | 'reason' | 'step-up' | 'shown' | 'editing';

const isStepUpRequired = (error: unknown) => problemType(error).endsWith('step-up-required');

/**
 * Address, phone, shelter and safe-contact rules. They are shown only here, one person at a time,
 * after a stated reason and a recent second factor; they live in this panel's state and nowhere
 * else, and are forgotten when it closes.
 */
export function SafetyPanel({ householdId, person }: { householdId: string; person: TPerson }) {
  const { t } = useTranslation();
  const canWrite = useCan()('households.write');
  const [mode, setMode] = useState<Mode>('closed');
  const [reason, setReason] = useState('');
  const [details, setDetails] = useState<TSafetyDetails | null>(null);
  const reveal = useMutation({
    mutationFn: (why: string) => revealSafety({ personId: person.id, reason: why }),
    onSuccess: (revealed) => {
      setDetails(revealed);
      setMode('shown');
    },
    onError: (error) => {
      if (isStepUpRequired(error)) setMode('step-up');
    },
  });

  function close() {
    setDetails(null);
    setReason('');
    reveal.reset();
    setMode('closed');
  }

  return (
    <section aria-labelledby="safety-heading" className="mb-4">
      <h3 id="safety-heading" className="h5 mb-3">
        {t('households.safety.title')}
      </h3>
      <p className="small">{t('households.safety.intro')}</p>
      {mode === 'closed' &&
        (person.hasSafetyDetails ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMode('reason')}>
            {t('households.safety.reveal')}
          </button>
        ) : (
          <>
            <p>{t('households.safety.none')}</p>
            {canWrite && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => setMode('editing')}
              >
                {t('households.safety.add')}
              </button>
            )}
          </>
        ))}
      {mode === 'reason' && (
        <ReasonForm
          id="safety-reason"
          label={t('households.safety.reason')}
          hint={t('households.safety.reasonHint')}
          submitLabel={t('households.safety.revealSubmit')}
          tone="primary"
          pending={reveal.isPending}
          error={reveal.error && !isStepUpRequired(reveal.error) ? reveal.error : null}
          onSubmit={(why) => {
            setReason(why);
            reveal.mutate(why);
          }}
          onCancel={close}
        />
      )}
      {mode === 'step-up' && (
        <StepUpForm
          reason={reason}
          pending={reveal.isPending}
          error={reveal.error && !isStepUpRequired(reveal.error) ? reveal.error : null}
          onVerified={() => reveal.mutate(reason)}
          onCancel={close}
        />
      )}
      {mode === 'shown' && details && (
        <div className="card shadow-sm p-4">
          <SafetyFacts details={details} />
          <div className="d-flex flex-wrap gap-2">
            {canWrite && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => setMode('editing')}
              >
                {t('households.safety.edit')}
              </button>
            )}
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={close}>
              {t('households.safety.hide')}
            </button>
          </div>
        </div>
      )}
      {mode === 'editing' && (
        <SafetyForm
          householdId={householdId}
          personId={person.id}
          details={details}
          onSaved={(saved) => {
            setDetails(saved);
            setMode('shown');
          }}
          onCancel={() => (details ? setMode('shown') : close())}
        />
      )}
    </section>
  );
}

function SafetyFacts({ details }: { details: TSafetyDetails }) {
  const { t } = useTranslation();
  const contact = details.safeContact;
  const hours =
    contact.fromTime || contact.toTime
      ? t('households.safety.hoursRange', { from: contact.fromTime ?? '—', to: contact.toTime ?? '—' })
      : null;
  return (
    <Facts>
      <Fact label={t('households.safety.address')}>{details.address ?? '—'}</Fact>
      <Fact label={t('households.safety.phone')}>{details.phone ?? '—'}</Fact>
      <Fact label={t('households.safety.shelter')}>{details.shelter ?? '—'}</Fact>
      <Fact label={t('households.safety.channels')}>
        {contact.channels.length
          ? contact.channels.map((c) => t(`enums.contactChannel.${c}`)).join(', ')
          : t('households.safety.noChannel')}
      </Fact>
      <Fact label={t('households.safety.hours')}>{hours ?? '—'}</Fact>
      <Fact label={t('households.safety.codeWord')}>{contact.codeWord ?? '—'}</Fact>
      <Fact label={t('households.safety.email')}>{contact.email ?? '—'}</Fact>
      <Fact label={t('households.safety.neverWriteTo')}>
        {contact.neverWriteTo.length ? (
          <ul className="mb-0 ps-3">
            {contact.neverWriteTo.map((who) => (
              <li key={who}>{who}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </Fact>
    </Facts>
  );
}
