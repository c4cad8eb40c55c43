import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type TProcessingActivity,
  ZProcessingActivitySchema,
  ZProcessingCompletionSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

const registerKey = ['privacy', 'register'] as const;
const EXPORT = (format: 'pdf' | 'xlsx') => `/api/privacy/processing/export?format=${format}`;

/** The record of processing: each activity as the modules declare it, completed by the DPO, exported. */
export function ProcessingRegister() {
  const { t } = useTranslation();
  const register = useQuery({
    queryKey: registerKey,
    queryFn: () => api('/api/privacy/processing', { schema: z.array(ZProcessingActivitySchema) }),
  });
  return (
    <section aria-labelledby="register-heading" className="mb-5">
      <h2 id="register-heading" className="h4">
        {t('privacy.register.title')}
      </h2>
      <p>{t('privacy.register.intro')}</p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <a className="btn btn-primary" href={EXPORT('pdf')} download>
          {t('privacy.register.pdf')}
        </a>
        <a className="btn btn-outline-primary" href={EXPORT('xlsx')} download>
          {t('privacy.register.xlsx')}
        </a>
      </div>
      <AsyncContent query={register}>
        {(activities) => (
          <>
            {activities.map((a) => (
              <Activity key={a.key} activity={a} />
            ))}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function Activity({ activity: a }: { activity: TProcessingActivity }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const words = (items: { it: string; en: string }[]) => items.map((i) => i[locale]).join('; ');
  return (
    <details className="card shadow-sm p-3 mb-2">
      <summary className="fw-semibold">{a.name[locale]}</summary>
      <Facts>
        <Fact label={t('privacy.register.purposes')}>{a.purposes[locale]}</Fact>
        <Fact label={t('privacy.register.legalBases')}>{words(a.legalBases)}</Fact>
        <Fact label={t('privacy.register.subjects')}>{words(a.subjects)}</Fact>
        <Fact label={t('privacy.register.data')}>
          {a.dataCategories
            .map((c) => t('privacy.register.columns', { label: c.label[locale], count: c.columns }))
            .join('; ')}
        </Fact>
        <Fact label={t('privacy.register.recipients')}>{words(a.recipients)}</Fact>
        <Fact label={t('privacy.register.retention')}>{words(a.retention)}</Fact>
        <Fact label={t('privacy.register.readBy')}>{words(a.readBy) || t('privacy.register.nobody')}</Fact>
        <Fact label={t('privacy.register.controller')}>
          {a.controller ?? t('privacy.register.toComplete')}
        </Fact>
        <Fact label={t('privacy.register.processors')}>
          {a.processors ?? t('privacy.register.toComplete')}
        </Fact>
        <Fact label={t('privacy.register.transfers')}>{a.transfers ?? t('privacy.register.toComplete')}</Fact>
        <Fact label={t('privacy.register.notes')}>{a.notes}</Fact>
      </Facts>
      {a.updatedBy && a.updatedAt ? (
        <p className="small">
          {t('privacy.register.completedBy', { by: a.updatedBy, at: formatDateTime(a.updatedAt, locale) })}
        </p>
      ) : null}
      {editing ? (
        <CompletionForm activity={a} onDone={() => setEditing(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => setEditing(true)}
          aria-label={t('privacy.register.completeNamed', { name: a.name[locale] })}
        >
          {t('privacy.register.complete')}
        </button>
      )}
    </details>
  );
}

function CompletionForm({ activity: a, onDone }: { activity: TProcessingActivity; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: z.output<typeof ZProcessingCompletionSchema>) =>
      api(`/api/privacy/processing/${a.key}`, { method: 'PUT', body, schema: ZProcessingActivitySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registerKey }),
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZProcessingCompletionSchema),
    defaultValues: {
      controller: a.controller,
      processors: a.processors,
      transfers: a.transfers,
      notes: a.notes,
    },
  });
  const onSubmit = handleSubmit(async (body) => {
    try {
      await save.mutateAsync(body);
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, ['controller', 'processors', 'transfers', 'notes']);
    }
  });
  const orNullValue = { setValueAs: (v: string | null) => (v?.trim() ? v : null) };
  const shape = ZProcessingCompletionSchema.shape;
  return (
    <form onSubmit={onSubmit} noValidate>
      {save.error && !Object.keys(errors).length ? <ProblemAlert error={save.error} /> : null}
      {(['controller', 'processors', 'transfers', 'notes'] as const).map((name) => (
        <TextAreaField
          key={name}
          id={`register-${a.key}-${name}`}
          label={t(`privacy.register.${name}`)}
          maxLength={maxLengthOf(shape[name])}
          error={fieldErrorText(t, errors[name])}
          {...register(name, orNullValue)}
        />
      ))}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
