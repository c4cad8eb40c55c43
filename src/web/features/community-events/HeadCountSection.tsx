import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TSessionDetail, ZHeadCountInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useSessionMutations } from './community-events-api.js';
import { useParticipantWords } from './participant-words.js';

interface HeadCountValues {
  participant: string;
  gender: string;
  ageBand: string;
  citizenshipGroup: string;
  count: string;
}
const empty = (): HeadCountValues => ({
  participant: 'resident',
  gender: 'not_said',
  ageBand: 'not_said',
  citizenshipGroup: 'not_said',
  count: '',
});
const toInput = (v: HeadCountValues) => ({
  ...v,
  count: v.count.trim() === '' ? Number.NaN : Number(v.count),
});
const resolver = contractResolver<HeadCountValues>(ZHeadCountInputSchema, toInput);

/**
 * People who came without registering, counted by group only (no names): for a single meeting,
 * where a count cannot be told apart from the same person at another session. These numbers are
 * added to the reach flagged as not de-duplicated.
 */
export function HeadCountSection({ session }: { session: TSessionDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useParticipantWords();
  const { addHeadCount, removeHeadCount } = useSessionMutations(session.id);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<HeadCountValues>({ resolver, defaultValues: empty() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setAdded(null);
    try {
      const body = ZHeadCountInputSchema.parse(toInput(values));
      await addHeadCount.mutateAsync(body);
      setAdded(t('communityEvents.headCount.added', { count: body.count }));
      form.reset(empty());
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const total = session.headCounts.reduce((sum, h) => sum + h.count, 0);

  return (
    <section aria-labelledby="head-count-heading" className="mb-4">
      <h2 id="head-count-heading" className="h4">
        {t('communityEvents.headCount.title')}
      </h2>
      <p>{t('communityEvents.headCount.intro')}</p>
      {added && (
        <p className="alert alert-success" role="status">
          {added}
        </p>
      )}
      <form onSubmit={submit} noValidate className="card shadow-sm p-3 mb-3">
        {addHeadCount.error && Object.keys(errors).length === 0 ? (
          <ActionProblem error={addHeadCount.error} />
        ) : null}
        <div className="row">
          {(['participant', 'gender', 'ageBand', 'citizenshipGroup'] as const).map((list) => (
            <SelectField
              key={list}
              id={`head-count-${list}`}
              className="col-md-6"
              label={t(`communityEvents.headCount.${list}`)}
              options={words.options(list)}
              error={fieldErrorText(t, errors[list])}
              {...form.register(list)}
            />
          ))}
          <TextField
            id="head-count-count"
            className="col-md-6"
            type="number"
            inputMode="numeric"
            label={t('communityEvents.headCount.count')}
            required
            {...rangeOf(ZHeadCountInputSchema.shape.count)}
            error={fieldErrorText(t, errors.count)}
            {...form.register('count')}
          />
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('communityEvents.headCount.submit')}
          </button>
        </FormActions>
      </form>
      {removeHeadCount.error ? <ActionProblem error={removeHeadCount.error} /> : null}
      {session.headCounts.length === 0 ? (
        <p>{t('communityEvents.headCount.empty')}</p>
      ) : (
        <DataTable caption={t('communityEvents.headCount.caption', { total: formatNumber(total, locale) })}>
          <thead>
            <tr>
              <th scope="col">{t('communityEvents.headCount.count')}</th>
              <th scope="col">{t('communityEvents.headCount.participant')}</th>
              <th scope="col">{t('communityEvents.headCount.gender')}</th>
              <th scope="col">{t('communityEvents.headCount.ageBand')}</th>
              <th scope="col">{t('communityEvents.headCount.citizenshipGroup')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {session.headCounts.map((h) => (
              <tr key={h.id}>
                <th scope="row">{formatNumber(h.count, locale)}</th>
                <td>{words.word('participant', h.participant)}</td>
                <td>{words.word('gender', h.gender)}</td>
                <td>{words.word('ageBand', h.ageBand)}</td>
                <td>{words.word('citizenshipGroup', h.citizenshipGroup)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-xs"
                    disabled={removeHeadCount.isPending}
                    onClick={() => removeHeadCount.mutate(h.id)}
                  >
                    {t('communityEvents.headCount.remove', { count: h.count })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
