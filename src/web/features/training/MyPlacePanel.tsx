import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPlaceStatus } from '../../../contracts/gatherings.js';
import { type TEdition, ZOwnRequestSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { usePlaceMutations } from './training-api.js';
import { registrationOpen } from './training-words.js';

const PROFESSIONS = codesOf(ZOwnRequestSchema.shape.profession);
const resolver = contractResolver<{ profession: string }>(ZOwnRequestSchema, (v) => v);
/** The statuses a person may still cancel (a seat held, or a turn on the waiting list). */
const CANCELLABLE: readonly TPlaceStatus[] = ['awaiting_approval', 'offered', 'confirmed', 'waitlisted'];

/** One's own place: ask for one, confirm one offered from the waiting list, cancel it. */
export function MyPlacePanel({ edition }: { edition: TEdition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const moves = usePlaceMutations(edition.id);
  const place = edition.myPlace;
  const error = moves.confirm.error ?? moves.cancel.error;
  const open = registrationOpen(edition);

  return (
    <section aria-labelledby="my-place" className="card shadow-sm p-4 mb-4">
      <h2 id="my-place" className="h4">
        {t('courses.myPlace.title')}
      </h2>
      {error ? <ActionProblem error={error} /> : null}
      {place === null ? (
        open ? (
          <RequestForm editionId={edition.id} />
        ) : (
          <p className="mb-0">{t('courses.myPlace.closed')}</p>
        )
      ) : (
        <>
          <p>
            {t('courses.myPlace.status')} <strong>{t(`enums.placeStatus.${place.status}`)}</strong>
            {place.status === 'offered' && place.offerExpiresAt
              ? ` · ${t('courses.myPlace.confirmBy', { when: formatDateTime(place.offerExpiresAt, locale) })}`
              : ''}
          </p>
          <FormActions>
            {place.status === 'offered' && (
              <button
                type="button"
                className="btn btn-primary btn-sm"
                disabled={moves.confirm.isPending}
                onClick={() => moves.confirm.mutate(place.id)}
              >
                {t('courses.myPlace.confirm')}
              </button>
            )}
            {CANCELLABLE.includes(place.status) && (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                disabled={moves.cancel.isPending}
                onClick={() => moves.cancel.mutate(place.id)}
              >
                {t('courses.myPlace.cancel')}
              </button>
            )}
          </FormActions>
        </>
      )}
    </section>
  );
}

function RequestForm({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { request } = usePlaceMutations(editionId);
  const form = useForm<{ profession: string }>({ resolver, defaultValues: { profession: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await request.mutateAsync(values.profession);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {request.error && Object.keys(errors).length === 0 ? <ActionProblem error={request.error} /> : null}
      <p>{t('courses.myPlace.intro')}</p>
      <SelectField
        id="my-profession"
        label={t('courses.fields.profession')}
        placeholder={t('common.choose')}
        required
        options={PROFESSIONS.map((p) => ({ value: p, label: t(`enums.profession.${p}`) }))}
        error={fieldErrorText(t, errors.profession)}
        {...form.register('profession')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={request.isPending}>
          {t('courses.myPlace.request')}
        </button>
      </FormActions>
    </form>
  );
}
