import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  REQUEST_KINDS,
  type TRequest,
  ZRequestInputSchema,
  ZRequestSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { RequestActions, requestsKey } from './RequestActions.js';

/** Data subjects' requests: recorded with the identity check, answered within the month, extended at most by two. */
export function Requests() {
  const { t } = useTranslation();
  const requests = useQuery({
    queryKey: requestsKey,
    queryFn: () => api('/api/privacy/requests', { schema: z.array(ZRequestSchema) }),
  });
  return (
    <section aria-labelledby="requests-heading" className="mb-5">
      <h2 id="requests-heading" className="h4">
        {t('privacy.requests.title')}
      </h2>
      <p>{t('privacy.requests.intro')}</p>
      <RequestForm />
      <AsyncContent query={requests}>
        {(items) =>
          items.length === 0 ? <p>{t('privacy.requests.empty')}</p> : <RequestsTable items={items} />
        }
      </AsyncContent>
    </section>
  );
}

function Deadline({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deadline = formatDay(request.extendedTo ?? request.dueOn, locale);
  if (request.status !== 'open') return <>{t(`privacy.requests.statuses.${request.status}`)}</>;
  return (
    <>
      <span className={`d-block${request.overdue ? ' text-danger fw-semibold' : ''}`}>
        {request.overdue
          ? t('privacy.requests.overdue', { deadline })
          : t('privacy.requests.dueBy', { deadline })}
      </span>
      {request.extendedTo && (
        <span className="d-block small">
          {t('privacy.requests.extended', { reason: request.extensionReason })}
        </span>
      )}
    </>
  );
}

function RequestsTable({ items }: { items: TRequest[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('privacy.requests.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('privacy.requests.subject')}</th>
          <th scope="col">{t('privacy.requests.kind')}</th>
          <th scope="col">{t('privacy.requests.receivedOn')}</th>
          <th scope="col">{t('privacy.requests.deadline')}</th>
          <th scope="col">{t('privacy.requests.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.subjectName}
              <span className="d-block small fw-normal">
                {t('privacy.requests.household', { code: r.householdCode })}
              </span>
            </th>
            <td>{t(`privacy.requests.kinds.${r.kind}`)}</td>
            <td className="text-nowrap">{formatDay(r.receivedOn, locale)}</td>
            <td>
              <Deadline request={r} />
            </td>
            <td>
              <RequestActions request={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

const FIELDS = [
  'kind',
  'householdCode',
  'givenName',
  'familyName',
  'birthYear',
  'identityCheck',
  'receivedOn',
  'details',
] as const;

function RequestForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (body: z.output<typeof ZRequestInputSchema>) =>
      api('/api/privacy/requests', { method: 'POST', body, schema: ZRequestSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZRequestInputSchema),
    defaultValues: {
      kind: 'access' as const,
      householdCode: '',
      givenName: '',
      familyName: '',
      birthYear: null,
      identityCheck: '',
      receivedOn: '',
      details: null,
    },
  });
  const onSubmit = handleSubmit(async (body) => {
    try {
      await record.mutateAsync(body);
      reset();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [...FIELDS]);
    }
  });
  const shape = ZRequestInputSchema.shape;
  return (
    <details className="card shadow-sm p-3 mb-4">
      <summary className="fw-semibold">{t('privacy.requests.add')}</summary>
      {record.data && (
        <div className="alert alert-success mt-3" role="status">
          {t('privacy.requests.recorded', {
            name: record.data.subjectName,
            deadline: formatDay(record.data.dueOn, locale),
          })}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="mt-3">
        {record.error && !Object.keys(errors).length ? <ProblemAlert error={record.error} /> : null}
        <SelectField
          id="request-kind"
          label={t('privacy.requests.kind')}
          required
          options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacy.requests.kinds.${k}`) }))}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <TextField
          id="request-household"
          label={t('privacy.requests.householdCode')}
          hint={t('privacy.requests.householdCodeHint')}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLengthOf(shape.householdCode)}
          error={fieldErrorText(t, errors.householdCode, t('privacy.requests.householdCodeHint'))}
          {...register('householdCode')}
        />
        <TextField
          id="request-given-name"
          label={t('privacy.requests.givenName')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.givenName)}
          error={fieldErrorText(t, errors.givenName)}
          {...register('givenName')}
        />
        <TextField
          id="request-family-name"
          label={t('privacy.requests.familyName')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.familyName)}
          error={fieldErrorText(t, errors.familyName)}
          {...register('familyName')}
        />
        <TextField
          id="request-birth-year"
          type="number"
          inputMode="numeric"
          label={t('privacy.requests.birthYear')}
          hint={t('privacy.requests.birthYearHint')}
          error={fieldErrorText(t, errors.birthYear, t('privacy.requests.birthYearHint'))}
          {...register('birthYear', {
            // Empty (or the default null) is no year; RHF passes the default through here too.
            setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)),
          })}
        />
        <TextAreaField
          id="request-identity"
          label={t('privacy.requests.identityCheck')}
          hint={t('privacy.requests.identityCheckHint')}
          required
          maxLength={maxLengthOf(shape.identityCheck)}
          error={fieldErrorText(t, errors.identityCheck, t('privacy.requests.identityCheckHint'))}
          {...register('identityCheck')}
        />
        <TextField
          id="request-received-on"
          type="date"
          label={t('privacy.requests.receivedOn')}
          hint={t('privacy.requests.receivedOnHint')}
          required
          error={fieldErrorText(t, errors.receivedOn, t('privacy.requests.receivedOnHint'))}
          {...register('receivedOn')}
        />
        <TextAreaField
          id="request-details"
          label={t('privacy.requests.details')}
          maxLength={maxLengthOf(shape.details)}
          error={fieldErrorText(t, errors.details)}
          {...register('details', { setValueAs: (v: string) => (v ? v : null) })}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('privacy.requests.submit')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}
