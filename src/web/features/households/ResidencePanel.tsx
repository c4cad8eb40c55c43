import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../contracts/index.js';
import {
  PERMIT_TYPES,
  RESIDENCE_STATUSES,
  type TResidenceRecord,
  ZResidenceSchema,
} from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useResidence, useResidenceSave } from './family-api.js';
import {
  carriesPermit,
  type ResidenceValues,
  residenceResolver,
  residenceToInput,
  residenceValuesOf,
} from './family-forms.js';
import { useNotice } from './notice.js';

/**
 * A person's residence status: special data, so it sits in this one person's panel and nowhere
 * else (never in the members table). Nothing is read until the button is pressed (each reading is
 * audited), and what was read is dropped when the panel closes.
 */
export function ResidencePanel({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const name = `${person.givenName} ${person.familyName}`;
  if (!can('cases.read')) return null;
  return (
    <section aria-labelledby="residence-heading" className="mb-4">
      <h3 id="residence-heading" className="h5 mb-3">
        {t('householdFamily.residence.title')}
      </h3>
      <p className="small">{t('householdFamily.residence.intro')}</p>
      {open ? (
        <ResidenceView person={person} canEdit={can('cases.write')} onClose={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('householdFamily.residence.openNamed', { name })}
          onClick={() => setOpen(true)}
        >
          {t('householdFamily.residence.open')}
        </button>
      )}
    </section>
  );
}

function ResidenceView({
  person,
  canEdit,
  onClose,
}: {
  person: TPerson;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const residence = useResidence(person.id, true);
  const [editing, setEditing] = useState(false);
  const [notice, say] = useNotice();
  return (
    <div className="card shadow-sm p-4">
      {notice}
      <AsyncContent query={residence}>
        {(record) =>
          editing ? (
            <ResidenceForm
              person={person}
              record={record}
              onDone={(saved) => {
                setEditing(false);
                if (saved) say(t('householdFamily.residence.saved'));
              }}
            />
          ) : (
            <>
              <ResidenceFacts record={record} />
              <div className="d-flex flex-wrap gap-2">
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    onClick={() => {
                      say('');
                      setEditing(true);
                    }}
                  >
                    {record.status
                      ? t('householdFamily.residence.edit')
                      : t('householdFamily.residence.record')}
                  </button>
                )}
                <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
                  {t('householdFamily.residence.close')}
                </button>
              </div>
            </>
          )
        }
      </AsyncContent>
      {residence.isError && (
        <div>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            {t('householdFamily.residence.close')}
          </button>
        </div>
      )}
    </div>
  );
}

function ResidenceFacts({ record }: { record: TResidenceRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!record.status) return <p>{t('householdFamily.residence.none')}</p>;
  return (
    <Facts>
      <Fact label={t('householdFamily.residence.status')}>{t(`enums.residenceStatus.${record.status}`)}</Fact>
      {carriesPermit(record.status) && (
        <>
          <Fact label={t('householdFamily.residence.permitType')}>
            {record.permitType ? t(`enums.permitType.${record.permitType}`) : '—'}
          </Fact>
          <Fact label={t('householdFamily.residence.expiresOn')}>
            {formatDay(record.expiresOn, locale)}
            {record.expired && (
              <span className="badge bg-danger ms-2">{t('householdFamily.residence.expired')}</span>
            )}
          </Fact>
        </>
      )}
      <Fact label={t('householdFamily.residence.updatedAt')}>{formatDateTime(record.updatedAt, locale)}</Fact>
    </Facts>
  );
}

/** The status, and the permit's type and expiry only for a status that rests on a permit. */
function ResidenceForm({
  person,
  record,
  onDone,
}: {
  person: TPerson;
  record: TResidenceRecord;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useResidenceSave(person.id);
  const form = useForm<ResidenceValues>({
    resolver: residenceResolver,
    defaultValues: residenceValuesOf(record),
  });
  const { errors, isSubmitting } = form.formState;
  const permit = carriesPermit(form.watch('status'));

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(ZResidenceSchema.parse(residenceToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="residence-form-title">
      <h4 id="residence-form-title" className="h6 mb-3">
        {t('householdFamily.residence.formTitle', { name: `${person.givenName} ${person.familyName}` })}
      </h4>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      <SelectField
        id="residence-status"
        label={t('householdFamily.residence.status')}
        placeholder={t('common.choose')}
        options={RESIDENCE_STATUSES.map((s) => ({ value: s, label: t(`enums.residenceStatus.${s}`) }))}
        required
        error={fieldErrorText(t, errors.status)}
        {...form.register('status')}
      />
      {permit && (
        <div className="row">
          <SelectField
            id="residence-permit-type"
            className="col-md-6"
            label={t('householdFamily.residence.permitType')}
            hint={t('householdFamily.residence.permitHint')}
            placeholder={t('common.choose')}
            options={PERMIT_TYPES.map((p) => ({ value: p, label: t(`enums.permitType.${p}`) }))}
            error={fieldErrorText(t, errors.permitType)}
            {...form.register('permitType')}
          />
          <TextField
            id="residence-expires-on"
            className="col-md-6"
            type="date"
            label={t('householdFamily.residence.expiresOn')}
            error={fieldErrorText(t, errors.expiresOn)}
            {...form.register('expiresOn')}
          />
        </div>
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('householdFamily.residence.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
