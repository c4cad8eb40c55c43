import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type TBreakGlassGrant,
  ZBreakGlassGrantSchema,
  ZBreakGlassRecordTypeSchema,
  ZBreakGlassRequestSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { GrantReview } from './GrantReview.js';
import { GrantStatus } from './GrantStatus.js';

const grantsKey = ['break-glass'] as const;

export function BreakGlassPage() {
  const { t } = useTranslation();
  const can = useCan();
  const grants = useQuery({
    queryKey: grantsKey,
    queryFn: () => api('/api/break-glass', { schema: z.array(ZBreakGlassGrantSchema) }),
  });

  return (
    <>
      <PageHeading title={t('breakGlass.title')}>
        <p className="mb-0">{t('breakGlass.intro')}</p>
      </PageHeading>
      {can('break-glass.request') && <BreakGlassForm />}
      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading" className="h4">
          {can('break-glass.review') ? t('breakGlass.list.allTitle') : t('breakGlass.list.ownTitle')}
        </h2>
        <AsyncContent query={grants}>
          {(items) =>
            items.length === 0 ? <p>{t('breakGlass.list.empty')}</p> : <GrantsTable items={items} />
          }
        </AsyncContent>
      </section>
    </>
  );
}

function BreakGlassForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const request = useMutation({
    mutationFn: (body: z.output<typeof ZBreakGlassRequestSchema>) =>
      api('/api/break-glass', { method: 'POST', body, schema: ZBreakGlassGrantSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey }),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZBreakGlassRequestSchema),
    defaultValues: { recordType: 'user' as const, recordId: '', reason: '', hours: 4 },
  });

  const onSubmit = handleSubmit(async (body) => {
    try {
      await request.mutateAsync(body);
      reset();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, ['recordType', 'recordId', 'reason', 'hours']);
    }
  });

  return (
    <section aria-labelledby="break-glass-form-heading" className="card shadow-sm p-4 mb-5">
      <h2 id="break-glass-form-heading" className="h4">
        {t('breakGlass.form.title')}
      </h2>
      <div className="alert alert-warning" role="note">
        <strong className="d-block">{t('breakGlass.form.warningTitle')}</strong>
        {t('breakGlass.form.warning')}
      </div>
      {request.data && (
        <div className="alert alert-success" role="status">
          {t('breakGlass.form.granted', { until: formatDateTime(request.data.expiresAt, locale) })}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        {request.error && !Object.keys(errors).length ? <ProblemAlert error={request.error} /> : null}
        <SelectField
          id="break-glass-record-type"
          label={t('breakGlass.form.recordType')}
          required
          options={ZBreakGlassRecordTypeSchema.options.map((v) => ({
            value: v,
            label: t(`breakGlass.recordTypes.${v}`),
          }))}
          error={fieldErrorText(t, errors.recordType)}
          {...register('recordType')}
        />
        <TextField
          id="break-glass-record-id"
          label={t('breakGlass.form.recordId')}
          hint={t('breakGlass.form.recordIdHint')}
          required
          autoComplete="off"
          spellCheck={false}
          error={fieldErrorText(t, errors.recordId, t('breakGlass.form.recordIdHint'))}
          {...register('recordId')}
        />
        <TextAreaField
          id="break-glass-reason"
          label={t('breakGlass.form.reason')}
          hint={t('breakGlass.form.reasonHint')}
          required
          maxLength={maxLengthOf(ZBreakGlassRequestSchema.shape.reason)}
          error={fieldErrorText(t, errors.reason, t('breakGlass.form.reasonHint'))}
          {...register('reason')}
        />
        <TextField
          id="break-glass-hours"
          type="number"
          {...rangeOf(ZBreakGlassRequestSchema.shape.hours)}
          step={1}
          label={t('breakGlass.form.hours')}
          hint={t('breakGlass.form.hoursHint')}
          required
          error={fieldErrorText(t, errors.hours, t('breakGlass.form.hoursHint'))}
          {...register('hours', { valueAsNumber: true })}
        />
        <FormActions>
          <button type="submit" className="btn btn-danger" disabled={isSubmitting}>
            {t('breakGlass.form.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

function GrantsTable({ items }: { items: TBreakGlassGrant[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-hover" caption={t('breakGlass.list.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('breakGlass.list.grantedAt')}</th>
          <th scope="col">{t('breakGlass.list.user')}</th>
          <th scope="col">{t('breakGlass.list.record')}</th>
          <th scope="col">{t('breakGlass.list.reason')}</th>
          <th scope="col">{t('breakGlass.list.expiresAt')}</th>
          <th scope="col">{t('breakGlass.list.status')}</th>
          <th scope="col">{t('breakGlass.review.title')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((g) => (
          <tr key={g.id}>
            <th scope="row" className="text-nowrap">
              {formatDateTime(g.grantedAt, locale)}
            </th>
            <td>{g.username}</td>
            <td>
              {t(`breakGlass.recordTypes.${g.recordType}`)}: <code>{g.recordId}</code>
            </td>
            <td>{g.reason}</td>
            <td className="text-nowrap">{formatDateTime(g.expiresAt, locale)}</td>
            <td>
              <GrantStatus grant={g} />
            </td>
            <td>
              <GrantReview grant={g} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
