import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZCheckinInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useSessionMutations, useWalkInCode } from './community-events-api.js';
import { absoluteUrl, QrImage } from './QrImage.js';

const PANEL_ID = 'walk-in-qr';

/**
 * The QR a walk-in scans to register at the door, shown large on the organiser's phone. Its code
 * changes every few seconds (a photographed one is soon useless), so it is asked for again before
 * it expires; outside the check-in time the server's words say why there is none.
 */
export function WalkInQrPanel({
  sessionId,
  shown,
  onToggle,
}: {
  sessionId: string;
  shown: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const code = useWalkInCode(sessionId, shown);
  return (
    <section aria-labelledby="walk-in-qr-heading" className="mb-4">
      <h2 id="walk-in-qr-heading" className="h4">
        {t('communityEvents.walkIn.title')}
      </h2>
      <p>{t('communityEvents.walkIn.intro')}</p>
      <button
        type="button"
        className="btn btn-primary btn-lg w-100 mb-3"
        aria-expanded={shown}
        aria-controls={PANEL_ID}
        onClick={onToggle}
      >
        {shown ? t('communityEvents.walkIn.hide') : t('communityEvents.walkIn.show')}
      </button>
      <div id={PANEL_ID} hidden={!shown}>
        {shown && code.isPending && <p role="status">{t('common.loading')}</p>}
        {shown && code.isError && (
          <>
            <ProblemAlert error={code.error} />
            <button
              type="button"
              className="btn btn-outline-primary mb-3"
              onClick={() => void code.refetch()}
            >
              {t('communityEvents.walkIn.retry')}
            </button>
          </>
        )}
        {shown && code.data && !code.isError && (
          <div className="text-center">
            <QrImage
              value={absoluteUrl(code.data.url)}
              alt={t('communityEvents.walkIn.alt')}
              maxWidth="26rem"
            />
            <Countdown until={code.data.expiresAt} />
          </div>
        )}
      </div>
    </section>
  );
}

function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
  return (
    <p className="mb-1">
      {seconds > 0
        ? t('communityEvents.walkIn.changesIn', { count: seconds })
        : t('communityEvents.walkIn.changing')}
    </p>
  );
}

interface TicketValues {
  ticketCode: string;
}
const resolver = contractResolver<TicketValues>(ZCheckinInputSchema, (v) => ({
  ticketCode: v.ticketCode.replace(/\s+/g, ''),
}));

/** A ticket's code typed in (read from paper or a phone, or dictated): the person is marked present. */
export function TicketCheckinForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { checkin } = useSessionMutations(sessionId);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<TicketValues>({ resolver, defaultValues: { ticketCode: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setDone(null);
    try {
      const body = ZCheckinInputSchema.parse({ ticketCode: values.ticketCode.replace(/\s+/g, '') });
      const result = await checkin.mutateAsync(body.ticketCode);
      const who =
        result.anonymous || !result.name ? t('communityEvents.participants.anonymous') : result.name;
      setDone(
        result.already
          ? t('communityEvents.checkin.already', { who })
          : t('communityEvents.checkin.done', { who }),
      );
      form.reset({ ticketCode: '' });
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <section aria-labelledby="ticket-checkin-heading" className="mb-4">
      <h2 id="ticket-checkin-heading" className="h4">
        {t('communityEvents.checkin.title')}
      </h2>
      <p>{t('communityEvents.checkin.intro')}</p>
      <p role="status" className={done ? 'alert alert-success' : 'visually-hidden'}>
        {done ?? ''}
      </p>
      <form onSubmit={submit} noValidate>
        {checkin.error && Object.keys(errors).length === 0 ? <ActionProblem error={checkin.error} /> : null}
        <TextField
          id="ticket-code"
          label={t('communityEvents.checkin.code')}
          hint={t('communityEvents.checkin.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          style={{ fontFamily: 'var(--bs-font-monospace)', textTransform: 'uppercase' }}
          error={fieldErrorText(
            t,
            errors.ticketCode,
            errors.ticketCode?.type === 'invalid_format'
              ? t('communityEvents.checkin.codeFormat')
              : undefined,
          )}
          {...form.register('ticketCode')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary btn-lg w-100" disabled={isSubmitting}>
            {t('communityEvents.checkin.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
