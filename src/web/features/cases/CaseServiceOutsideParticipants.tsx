import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  OUTSIDE_ROLES,
  type TSessionPractice,
  ZOutsideParticipantCreateSchema,
} from '../../../contracts/case-services.js';
import type { TSession } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useSessionPracticeMutations } from './case-services-api.js';

interface OutsideValues {
  role: string;
  name: string;
  organisation: string;
}
const FIELDS = ZOutsideParticipantCreateSchema.shape;
const toInput = (v: OutsideValues) => ({
  role: v.role,
  name: v.name.trim() || null,
  organisation: v.organisation.trim() || null,
});
const resolver = contractResolver<OutsideValues>(ZOutsideParticipantCreateSchema, toInput);

/**
 * Professionals from outside the team who attended (the referring social worker, a teacher, a
 * first-line worker, a researcher when the family consented to research): names on the session,
 * never access to the case.
 */
export function CaseServiceOutsideParticipants({
  session,
  practice,
}: {
  session: TSession;
  practice: TSessionPractice;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addOutside, removeOutside } = useSessionPracticeMutations(session.id, session.caseId);
  const [adding, setAdding] = useState(false);
  const form = useForm<OutsideValues>({ resolver, defaultValues: { role: '', name: '', organisation: '' } });
  const { errors, isSubmitting } = form.formState;
  const referrerListed = practice.outsideParticipants.some(
    (p) => p.role === 'referring_professional' && p.name === practice.referrer?.displayName,
  );
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await addOutside.mutateAsync(ZOutsideParticipantCreateSchema.parse(toInput(values)));
      form.reset();
      setAdding(false);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <section aria-labelledby="outside-heading" className="mb-4">
      <h2 id="outside-heading" className="h4">
        {t('caseServices.outside.heading')}
      </h2>
      <p className="small">{t('caseServices.outside.noAccess')}</p>
      {practice.outsideParticipants.length === 0 ? (
        <p>{t('caseServices.outside.empty')}</p>
      ) : (
        <ul>
          {practice.outsideParticipants.map((p) => (
            <li key={p.id} className="mb-1">
              {p.name} — {t(`caseServices.outside.roles.${p.role}`)}
              {p.organisation ? `, ${p.organisation}` : ''}
              {practice.canWrite && (
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  disabled={removeOutside.isPending}
                  onClick={() => removeOutside.mutate(p.id)}
                >
                  {t('caseServices.outside.remove', { name: p.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removeOutside.error ? <ActionProblem error={removeOutside.error} /> : null}
      {practice.canWrite && !adding && (
        <div className="d-flex flex-wrap gap-2">
          {practice.referrer && !referrerListed && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={addOutside.isPending}
              onClick={() =>
                addOutside.mutate({ role: 'referring_professional', userId: practice.referrer?.id ?? null })
              }
            >
              {t('caseServices.outside.addReferrer', { name: practice.referrer.displayName })}
            </button>
          )}
          {practice.researchers
            .filter(
              (r) =>
                !practice.outsideParticipants.some(
                  (p) => p.role === 'researcher' && p.name === r.displayName,
                ),
            )
            .map((r) => (
              <button
                key={r.id}
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={addOutside.isPending}
                onClick={() => addOutside.mutate({ role: 'researcher', userId: r.id })}
              >
                {t('caseServices.outside.addResearcher', { name: r.displayName })}
              </button>
            ))}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('caseServices.outside.add')}
          </button>
        </div>
      )}
      {practice.canWrite && practice.researchers.length === 0 && (
        <p className="small mt-2">{t('caseServices.outside.researchHint')}</p>
      )}
      {!adding && addOutside.error ? <ActionProblem error={addOutside.error} /> : null}
      {adding && (
        <form onSubmit={onSubmit} noValidate className="card shadow-sm p-4 my-3">
          {addOutside.error && Object.keys(errors).length === 0 ? (
            <ActionProblem error={addOutside.error} />
          ) : null}
          <SelectField
            id="outside-role"
            label={t('caseServices.outside.role')}
            required
            placeholder={t('caseServices.choose')}
            options={OUTSIDE_ROLES.filter((r) => r !== 'researcher').map((r) => ({
              value: r,
              label: t(`caseServices.outside.roles.${r}`),
            }))}
            error={fieldErrorText(t, errors.role)}
            {...form.register('role')}
          />
          <TextField
            id="outside-name"
            label={t('caseServices.outside.name')}
            required
            maxLength={maxLengthOf(FIELDS.name)}
            error={fieldErrorText(t, errors.name)}
            {...form.register('name')}
          />
          <TextField
            id="outside-organisation"
            label={t('caseServices.outside.organisation')}
            maxLength={maxLengthOf(FIELDS.organisation)}
            error={fieldErrorText(t, errors.organisation)}
            {...form.register('organisation')}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
              {t('caseServices.outside.save')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setAdding(false)}
            >
              {t('common.cancel')}
            </button>
          </FormActions>
        </form>
      )}
    </section>
  );
}
