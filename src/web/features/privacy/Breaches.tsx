import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type TBreachSummary,
  ZBreachInputSchema,
  ZBreachSchema,
  ZBreachSummarySchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, toInstant, toLocalInput } from '../../ui/forms/values.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { BreachDetail } from './BreachDetail.js';
import { breachesKey, GaranteClock } from './breach-clock.js';

/** The breach register: the list with each one's 72-hour clock, a new breach, and one breach opened. */
export function Breaches() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const breaches = useQuery({
    queryKey: breachesKey,
    queryFn: () => api('/api/privacy/breaches', { schema: z.array(ZBreachSummarySchema) }),
  });
  return (
    <section aria-labelledby="breaches-heading" className="mb-5">
      <h2 id="breaches-heading" className="h4">
        {t('privacy.breaches.title')}
      </h2>
      <p>{t('privacy.breaches.intro')}</p>
      <BreachForm onRecorded={setShown} />
      <AsyncContent query={breaches}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('privacy.breaches.empty')}</p>
          ) : (
            <BreachesTable items={items} shown={shown} onShow={(id) => setShown(id === shown ? null : id)} />
          )
        }
      </AsyncContent>
      {shown && <BreachDetail id={shown} />}
    </section>
  );
}

function BreachesTable({
  items,
  shown,
  onShow,
}: {
  items: TBreachSummary[];
  shown: string | null;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('privacy.breaches.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('privacy.breaches.titleField')}</th>
          <th scope="col">{t('privacy.breaches.detectedAt')}</th>
          <th scope="col">{t('privacy.breaches.status')}</th>
          <th scope="col">{t('privacy.breaches.clock')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('privacy.breaches.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((b) => (
          <tr key={b.id}>
            <th scope="row">{b.title}</th>
            <td className="text-nowrap">{formatDateTime(b.detectedAt, locale)}</td>
            <td>{t(`privacy.breaches.statuses.${b.status}`)}</td>
            <td>
              <GaranteClock breach={b} />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-expanded={shown === b.id}
                onClick={() => onShow(b.id)}
                aria-label={t(shown === b.id ? 'privacy.breaches.closeNamed' : 'privacy.breaches.openNamed', {
                  title: b.title,
                })}
              >
                {shown === b.id ? t('privacy.breaches.close') : t('privacy.breaches.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

interface BreachValues {
  title: string;
  description: string;
  detectedAt: string;
  detectedHow: string;
  occurredFrom: string;
  occurredTo: string;
  suspectedUsername: string;
  suspectedIp: string;
}

const toInput = (v: BreachValues) => ({
  title: v.title,
  description: v.description,
  detectedAt: toInstant(v.detectedAt),
  detectedHow: v.detectedHow,
  occurredFrom: toInstant(v.occurredFrom),
  occurredTo: toInstant(v.occurredTo),
  suspectedUsername: orNull(v.suspectedUsername),
  suspectedIp: orNull(v.suspectedIp),
});
const resolver = contractResolver<BreachValues>(ZBreachInputSchema, toInput);
const FIELDS = [
  'title',
  'description',
  'detectedAt',
  'detectedHow',
  'occurredFrom',
  'occurredTo',
  'suspectedUsername',
  'suspectedIp',
] as const;

function BreachForm({ onRecorded }: { onRecorded: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (values: BreachValues) =>
      api('/api/privacy/breaches', { method: 'POST', body: toInput(values), schema: ZBreachSchema }),
    onSuccess: async (breach) => {
      await queryClient.invalidateQueries({ queryKey: breachesKey });
      onRecorded(breach.id);
    },
  });
  const now = toLocalInput(null, true);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BreachValues>({
    resolver,
    defaultValues: {
      title: '',
      description: '',
      detectedAt: now,
      detectedHow: '',
      occurredFrom: '',
      occurredTo: now,
      suspectedUsername: '',
      suspectedIp: '',
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await record.mutateAsync(values);
      reset();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [...FIELDS]);
    }
  });
  const shape = ZBreachInputSchema.shape;
  return (
    <details className="card shadow-sm p-3 mb-4">
      <summary className="fw-semibold">{t('privacy.breaches.add')}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3">
        {record.error && !Object.keys(errors).length ? <ProblemAlert error={record.error} /> : null}
        <TextField
          id="breach-title"
          label={t('privacy.breaches.titleField')}
          required
          maxLength={maxLengthOf(shape.title)}
          error={fieldErrorText(t, errors.title)}
          {...register('title')}
        />
        <TextAreaField
          id="breach-description"
          label={t('privacy.breaches.description')}
          required
          maxLength={maxLengthOf(shape.description)}
          error={fieldErrorText(t, errors.description)}
          {...register('description')}
        />
        <TextField
          id="breach-detected-at"
          type="datetime-local"
          label={t('privacy.breaches.detectedAt')}
          hint={t('privacy.breaches.detectedAtHint')}
          required
          error={fieldErrorText(t, errors.detectedAt, t('privacy.breaches.detectedAtHint'))}
          {...register('detectedAt')}
        />
        <TextAreaField
          id="breach-detected-how"
          label={t('privacy.breaches.detectedHow')}
          required
          maxLength={maxLengthOf(shape.detectedHow)}
          error={fieldErrorText(t, errors.detectedHow)}
          {...register('detectedHow')}
        />
        <TextField
          id="breach-from"
          type="datetime-local"
          label={t('privacy.breaches.occurredFrom')}
          required
          error={fieldErrorText(t, errors.occurredFrom)}
          {...register('occurredFrom')}
        />
        <TextField
          id="breach-to"
          type="datetime-local"
          label={t('privacy.breaches.occurredTo')}
          required
          error={fieldErrorText(t, errors.occurredTo)}
          {...register('occurredTo')}
        />
        <TextField
          id="breach-username"
          label={t('privacy.breaches.suspectedUsername')}
          hint={t('privacy.breaches.suspectedHint')}
          autoComplete="off"
          spellCheck={false}
          error={fieldErrorText(t, errors.suspectedUsername, t('privacy.breaches.suspectedHint'))}
          {...register('suspectedUsername')}
        />
        <TextField
          id="breach-ip"
          label={t('privacy.breaches.suspectedIp')}
          autoComplete="off"
          spellCheck={false}
          error={fieldErrorText(t, errors.suspectedIp)}
          {...register('suspectedIp')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('privacy.breaches.submit')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}
