import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TExternalParticipant } from '../../../contracts/gatherings.js';
import { ZExternalEnrolmentSchema, ZStaffEnrolmentSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { CopyLink } from './CopyLink.js';
import { usePlaceMutations, useStaff } from './training-api.js';

const PROFESSIONS = codesOf(ZStaffEnrolmentSchema.shape.profession);
const external = ZExternalEnrolmentSchema.shape;

interface StaffValues {
  userId: string;
  profession: string;
}
const staffResolver = contractResolver<StaffValues>(ZStaffEnrolmentSchema, (v) => v);
const trimmed = (v: TExternalParticipant) => ({
  name: v.name.trim(),
  organisation: v.organisation.trim(),
  profession: v.profession,
  email: v.email.trim(),
});
const externalResolver = contractResolver<TExternalParticipant>(ZExternalEnrolmentSchema, trimmed);

/**
 * A coordinator enrols someone of their organisation: the people the users list shows them (their
 * organisation's staff), with the profession they take part as.
 */
export function StaffEnrolForm({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const staff = useStaff(true);
  const { enrolStaff } = usePlaceMutations(editionId);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<StaffValues>({
    resolver: staffResolver,
    defaultValues: { userId: '', profession: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await enrolStaff.mutateAsync(values);
      setDone(
        t('courses.enrol.staffDone', {
          name: result.place.participantName,
          status: t(`enums.placeStatus.${result.place.status}`),
        }),
      );
      form.reset({ userId: '', profession: '' });
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby="enrol-staff">
      <h3 id="enrol-staff" className="h5">
        {t('courses.enrol.staffTitle')}
      </h3>
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      {enrolStaff.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={enrolStaff.error} />
      ) : null}
      <AsyncContent query={staff}>
        {(people) => (
          <div className="row">
            <SelectField
              id="enrol-person"
              className="col-md-6"
              label={t('courses.enrol.person')}
              placeholder={t('common.choose')}
              required
              options={people.map((p) => ({ value: p.id, label: p.displayName }))}
              error={fieldErrorText(t, errors.userId)}
              {...form.register('userId')}
            />
            <SelectField
              id="enrol-profession"
              className="col-md-6"
              label={t('courses.fields.profession')}
              placeholder={t('common.choose')}
              required
              options={PROFESSIONS.map((p) => ({ value: p, label: t(`enums.profession.${p}`) }))}
              error={fieldErrorText(t, errors.profession)}
              {...form.register('profession')}
            />
          </div>
        )}
      </AsyncContent>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={enrolStaff.isPending}>
          {t('courses.enrol.staffSubmit')}
        </button>
      </FormActions>
    </form>
  );
}

/** A trainer enrols someone without a Trama account; their personal link is shown here once. */
export function ExternalEnrolForm({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { enrolExternal } = usePlaceMutations(editionId);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const empty = { name: '', organisation: '', profession: '', email: '' } as unknown as TExternalParticipant;
  const form = useForm<TExternalParticipant>({ resolver: externalResolver, defaultValues: empty });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await enrolExternal.mutateAsync(trimmed(values));
      setLink(result.personalLink ? { name: result.place.participantName, url: result.personalLink } : null);
      form.reset(empty);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 mb-4" aria-labelledby="enrol-external">
      <h2 id="enrol-external" className="h4">
        {t('courses.enrol.externalTitle')}
      </h2>
      <p>{t('courses.enrol.externalIntro')}</p>
      {link && (
        <CopyLink
          id="external-link"
          label={t('courses.enrol.linkLabel', { name: link.name })}
          note={t('courses.enrol.linkOnce')}
          url={link.url}
        />
      )}
      {enrolExternal.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={enrolExternal.error} />
      ) : null}
      <div className="row">
        <TextField
          id="external-name"
          className="col-md-6"
          label={t('courses.enrol.name')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(external.name)}
          error={fieldErrorText(t, errors.name)}
          {...form.register('name')}
        />
        <TextField
          id="external-organisation"
          className="col-md-6"
          label={t('courses.enrol.organisation')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(external.organisation)}
          error={fieldErrorText(t, errors.organisation)}
          {...form.register('organisation')}
        />
        <SelectField
          id="external-profession"
          className="col-md-6"
          label={t('courses.fields.profession')}
          placeholder={t('common.choose')}
          required
          options={PROFESSIONS.map((p) => ({ value: p, label: t(`enums.profession.${p}`) }))}
          error={fieldErrorText(t, errors.profession)}
          {...form.register('profession')}
        />
        <TextField
          id="external-email"
          className="col-md-6"
          type="email"
          label={t('courses.enrol.email')}
          hint={t('courses.enrol.emailHint')}
          required
          autoComplete="off"
          error={fieldErrorText(t, errors.email)}
          {...form.register('email')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={enrolExternal.isPending}>
          {t('courses.enrol.externalSubmit')}
        </button>
      </FormActions>
    </form>
  );
}
