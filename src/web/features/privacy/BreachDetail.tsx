import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  BREACH_DECISIONS,
  BREACH_RECIPIENTS,
  BREACH_RISKS,
  BREACH_STATUSES,
  type TBreach,
  ZBreachDecisionSchema,
  ZBreachNotificationInputSchema,
  ZBreachSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, toInstant, toLocalInput } from '../../ui/forms/values.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { breachesKey, GaranteClock } from './breach-clock.js';

/** One breach: what the audit trail shows it reached, the assessment and decision, the notices sent. */
export function BreachDetail({ id }: { id: string }) {
  const breach = useQuery({
    queryKey: [...breachesKey, id],
    queryFn: () => api(`/api/privacy/breaches/${id}`, { schema: ZBreachSchema }),
  });
  return (
    <section aria-labelledby="breach-detail-heading" className="card shadow-sm p-4 mt-3">
      <AsyncContent query={breach}>
        {(b) => (
          <>
            <h3 id="breach-detail-heading" className="h5">
              {b.title}
            </h3>
            <BreachFacts breach={b} />
            <Reach breach={b} />
            <DecisionForm breach={b} />
            <Notifications breach={b} />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function BreachFacts({ breach: b }: { breach: TBreach }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Facts>
      <Fact label={t('privacy.breaches.description')}>{b.description}</Fact>
      <Fact label={t('privacy.breaches.detectedAt')}>{formatDateTime(b.detectedAt, locale)}</Fact>
      <Fact label={t('privacy.breaches.detectedHow')}>{b.detectedHow}</Fact>
      <Fact label={t('privacy.breaches.window')}>
        {t('privacy.breaches.windowValue', {
          from: formatDateTime(b.occurredFrom, locale),
          to: formatDateTime(b.occurredTo, locale),
        })}
      </Fact>
      <Fact label={t('privacy.breaches.suspectedUsername')}>{b.suspectedUser}</Fact>
      <Fact label={t('privacy.breaches.suspectedIp')}>{b.suspectedIp}</Fact>
      <Fact label={t('privacy.breaches.clock')}>
        <GaranteClock breach={b} />
      </Fact>
    </Facts>
  );
}

function Reach({ breach: b }: { breach: TBreach }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="h6 mt-4">{t('privacy.breaches.reachTitle')}</h4>
      {b.reached.length === 0 ? (
        <p>
          {b.suspectedUser || b.suspectedIp
            ? t('privacy.breaches.reachNone')
            : t('privacy.breaches.reachNeedsActor')}
        </p>
      ) : (
        <>
          <p>{t('privacy.breaches.householdsReached', { count: b.householdsReached })}</p>
          <DataTable caption={t('privacy.breaches.reachCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('privacy.breaches.recordType')}</th>
                <th scope="col">{t('privacy.breaches.records')}</th>
                <th scope="col">{t('privacy.breaches.reads')}</th>
                <th scope="col">{t('privacy.breaches.codes')}</th>
              </tr>
            </thead>
            <tbody>
              {b.reached.map((r) => (
                <tr key={r.recordType}>
                  <th scope="row">
                    {t(`audit.recordTypes.${r.recordType}`, {
                      defaultValue: t('privacy.breaches.otherRecords'),
                    })}
                  </th>
                  <td>{r.records}</td>
                  <td>{r.reads}</td>
                  <td>{r.codes.length ? r.codes.join(', ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </>
  );
}

function DecisionForm({ breach: b }: { breach: TBreach }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: z.output<typeof ZBreachDecisionSchema>) =>
      api(`/api/privacy/breaches/${b.id}/decision`, { method: 'POST', body, schema: ZBreachSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: breachesKey }),
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZBreachDecisionSchema),
    defaultValues: {
      status: b.status,
      risk: b.risk ?? 'risk',
      garanteDecision: b.garanteDecision ?? 'notify',
      garanteReasons: b.garanteReasons ?? '',
      subjectsDecision: b.subjectsDecision ?? 'not_required',
      subjectsReasons: b.subjectsReasons ?? '',
    },
  });
  const onSubmit = handleSubmit(async (body) => {
    try {
      await decide.mutateAsync(body);
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [
        'status',
        'risk',
        'garanteDecision',
        'garanteReasons',
        'subjectsDecision',
        'subjectsReasons',
      ]);
    }
  });
  const options = (values: readonly string[], group: string) =>
    values.map((v) => ({ value: v, label: t(`privacy.breaches.${group}.${v}`) }));
  const shape = ZBreachDecisionSchema.shape;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4">
      <h4 className="h6">{t('privacy.breaches.decisionTitle')}</h4>
      {b.decidedBy && b.decidedAt ? (
        <p className="small">
          {t('privacy.breaches.decidedBy', { by: b.decidedBy, at: formatDateTime(b.decidedAt, locale) })}
        </p>
      ) : null}
      {decide.error && !Object.keys(errors).length ? <ProblemAlert error={decide.error} /> : null}
      {decide.isSuccess ? (
        <div className="alert alert-success" role="status">
          {t('privacy.breaches.decisionSaved')}
        </div>
      ) : null}
      <SelectField
        id="breach-status"
        label={t('privacy.breaches.status')}
        required
        options={options(BREACH_STATUSES, 'statuses')}
        error={fieldErrorText(t, errors.status)}
        {...register('status')}
      />
      <SelectField
        id="breach-risk"
        label={t('privacy.breaches.risk')}
        required
        options={options(BREACH_RISKS, 'risks')}
        error={fieldErrorText(t, errors.risk)}
        {...register('risk')}
      />
      <SelectField
        id="breach-garante"
        label={t('privacy.breaches.garanteDecision')}
        required
        options={options(BREACH_DECISIONS, 'decisions')}
        error={fieldErrorText(t, errors.garanteDecision)}
        {...register('garanteDecision')}
      />
      <TextAreaField
        id="breach-garante-reasons"
        label={t('privacy.breaches.garanteReasons')}
        required
        maxLength={maxLengthOf(shape.garanteReasons)}
        error={fieldErrorText(t, errors.garanteReasons)}
        {...register('garanteReasons')}
      />
      <SelectField
        id="breach-subjects"
        label={t('privacy.breaches.subjectsDecision')}
        required
        options={options(BREACH_DECISIONS, 'decisions')}
        error={fieldErrorText(t, errors.subjectsDecision)}
        {...register('subjectsDecision')}
      />
      <TextAreaField
        id="breach-subjects-reasons"
        label={t('privacy.breaches.subjectsReasons')}
        required
        maxLength={maxLengthOf(shape.subjectsReasons)}
        error={fieldErrorText(t, errors.subjectsReasons)}
        {...register('subjectsReasons')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('privacy.breaches.decide')}
        </button>
      </FormActions>
    </form>
  );
}

interface NoticeValues {
  recipient: string;
  sentAt: string;
  channel: string;
  reference: string;
}
const toNotice = (v: NoticeValues) => ({
  recipient: v.recipient,
  sentAt: toInstant(v.sentAt),
  channel: v.channel,
  reference: orNull(v.reference),
});
const noticeResolver = contractResolver<NoticeValues>(ZBreachNotificationInputSchema, toNotice);

function Notifications({ breach: b }: { breach: TBreach }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const notify = useMutation({
    mutationFn: (values: NoticeValues) =>
      api(`/api/privacy/breaches/${b.id}/notifications`, {
        method: 'POST',
        body: toNotice(values),
        schema: ZBreachSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: breachesKey }),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<NoticeValues>({
    resolver: noticeResolver,
    defaultValues: { recipient: 'garante', sentAt: toLocalInput(null, true), channel: '', reference: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await notify.mutateAsync(values);
      reset();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, ['recipient', 'sentAt', 'channel', 'reference']);
    }
  });
  const shape = ZBreachNotificationInputSchema.shape;
  return (
    <div className="mt-4">
      <h4 className="h6">{t('privacy.breaches.notificationsTitle')}</h4>
      {b.notifications.length === 0 ? (
        <p>{t('privacy.breaches.noNotifications')}</p>
      ) : (
        <ul>
          {b.notifications.map((n) => (
            <li key={n.id}>
              {t('privacy.breaches.notificationLine', {
                recipient: t(`privacy.breaches.recipients.${n.recipient}`),
                at: formatDateTime(n.sentAt, locale),
                channel: n.channel,
              })}
              {n.reference ? ` (${n.reference})` : ''}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate>
        {notify.error && !Object.keys(errors).length ? <ProblemAlert error={notify.error} /> : null}
        <SelectField
          id="notice-recipient"
          label={t('privacy.breaches.recipient')}
          required
          options={BREACH_RECIPIENTS.map((v) => ({ value: v, label: t(`privacy.breaches.recipients.${v}`) }))}
          error={fieldErrorText(t, errors.recipient)}
          {...register('recipient')}
        />
        <TextField
          id="notice-sent-at"
          type="datetime-local"
          label={t('privacy.breaches.sentAt')}
          required
          error={fieldErrorText(t, errors.sentAt)}
          {...register('sentAt')}
        />
        <TextField
          id="notice-channel"
          label={t('privacy.breaches.channel')}
          hint={t('privacy.breaches.channelHint')}
          required
          maxLength={maxLengthOf(shape.channel)}
          error={fieldErrorText(t, errors.channel, t('privacy.breaches.channelHint'))}
          {...register('channel')}
        />
        <TextField
          id="notice-reference"
          label={t('privacy.breaches.reference')}
          maxLength={maxLengthOf(shape.reference)}
          error={fieldErrorText(t, errors.reference)}
          {...register('reference')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('privacy.breaches.recordNotification')}
          </button>
        </FormActions>
      </form>
    </div>
  );
}
