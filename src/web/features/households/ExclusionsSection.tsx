import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TPerson, ZExclusionCreateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useStaff } from '../cases/cases-api.js';
import { useExclusionAdd, useExclusions } from './households-api.js';

const REASONS = codesOf(ZExclusionCreateSchema.shape.reason);

/** Staff and mediators kept away from this person's cases (a relative, the same small community). */
export function ExclusionsSection({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCan()('households.write');
  const exclusions = useExclusions(person.id);
  const [adding, setAdding] = useState(false);

  return (
    <section aria-labelledby="exclusions-heading" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h3 id="exclusions-heading" className="h5 mb-0">
          {t('households.exclusions.title')}
        </h3>
        {canWrite && !adding && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('households.exclusions.add')}
          </button>
        )}
      </div>
      <p className="small">{t('households.exclusions.intro')}</p>
      <AsyncContent query={exclusions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('households.exclusions.empty')}</p>
          ) : (
            <DataTable
              className="table-sm"
              caption={t('households.exclusions.caption', {
                name: `${person.givenName} ${person.familyName}`,
              })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('households.exclusions.excluded')}</th>
                  <th scope="col">{t('households.exclusions.reason')}</th>
                  <th scope="col">{t('households.exclusions.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((exclusion) => (
                  <tr key={exclusion.id}>
                    <th scope="row">{exclusion.userDisplayName}</th>
                    <td>{t(`enums.exclusionReason.${exclusion.reason}`)}</td>
                    <td>{formatDateTime(exclusion.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
      {adding && (
        <EditorCard id="exclusion-form" title={t('households.exclusions.addTitle')}>
          <ExclusionForm personId={person.id} onDone={() => setAdding(false)} />
        </EditorCard>
      )}
    </section>
  );
}

interface ExclusionFormValues {
  userId: string;
  reason: string;
  note: string;
}

const toInput = (v: ExclusionFormValues) => ({ userId: v.userId, reason: v.reason, note: orNull(v.note) });
const resolver = contractResolver<ExclusionFormValues>(ZExclusionCreateSchema, toInput);

function ExclusionForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const staff = useStaff({ personId });
  const add = useExclusionAdd(personId);
  const form = useForm<ExclusionFormValues>({
    resolver,
    defaultValues: { userId: '', reason: '', note: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(ZExclusionCreateSchema.parse(toInput(values)));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <AsyncContent query={staff}>
      {(people) => (
        <form onSubmit={onSubmit} noValidate>
          {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
          <SelectField
            id="exclusion-user"
            label={t('households.exclusions.user')}
            hint={t('households.exclusions.userHint')}
            placeholder={t('common.choose')}
            options={people.map((p) => ({
              value: p.id,
              // The role as said of this person, in the form of address they chose.
              label: `${p.displayName} (${roleLabel(t, p.role, p.addressForm)})`,
            }))}
            required
            error={fieldErrorText(t, errors.userId)}
            {...form.register('userId')}
          />
          <SelectField
            id="exclusion-reason"
            label={t('households.exclusions.reason')}
            placeholder={t('common.choose')}
            options={REASONS.map((r) => ({ value: r, label: t(`enums.exclusionReason.${r}`) }))}
            required
            error={fieldErrorText(t, errors.reason)}
            {...form.register('reason')}
          />
          <TextField
            id="exclusion-note"
            label={t('households.exclusions.note')}
            hint={t('households.exclusions.noteHint')}
            maxLength={maxLengthOf(ZExclusionCreateSchema.shape.note)}
            autoComplete="off"
            error={fieldErrorText(t, errors.note)}
            {...form.register('note')}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
              {t('households.exclusions.addSubmit')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
              {t('common.cancel')}
            </button>
          </FormActions>
        </form>
      )}
    </AsyncContent>
  );
}
