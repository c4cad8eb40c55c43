import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TEnrolment, type TPlan, ZEnrolmentInputSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CheckboxField, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useOffers } from './autonomy-catalogue-api.js';
import { useEnrol, useEnrolmentOutcome } from './autonomy-jobs-api.js';
import { useCatalogueWords } from './catalogue-words.js';
import { type OutcomeValues, outcomeResolver, outcomeToInput, outcomeToValues } from './jobs-forms.js';
import { useJobWords } from './jobs-words.js';
import { PlanSection, planWritable } from './PlanSection.js';

/**
 * The offers the plan's person takes (issue 20, item 1): enrolment in an active offer with a free
 * place, then its outcome (completed, with or without a certificate, or dropped), which gives the
 * place back. Whoever writes the plan records them while it is open.
 */
export function PlanEnrolmentsSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCatalogueWords();
  const words = useJobWords();
  const [adding, setAdding] = useState(false);
  const [outcomeOf, setOutcomeOf] = useState<TEnrolment | null>(null);
  const [notice, setNotice] = useState('');
  const writable = planWritable(plan);
  const outcomeAction = (e: TEnrolment) =>
    e.status === 'enrolled'
      ? t('autonomyJobs.enrolments.recordOutcome')
      : t('autonomyJobs.enrolments.correctOutcome');
  const close = (text: string) => {
    setAdding(false);
    setOutcomeOf(null);
    setNotice(text);
  };

  return (
    <PlanSection
      id="plan-enrolments"
      title={t('autonomyJobs.enrolments.title')}
      action={writable && !adding && t('autonomyJobs.enrolments.enrol')}
      onAction={() => {
        setNotice('');
        setOutcomeOf(null);
        setAdding(true);
      }}
      notice={notice}
    >
      {adding && (
        <EditorCard id="plan-enrol" title={t('autonomyJobs.enrolments.enrol')}>
          <EnrolForm
            plan={plan}
            onDone={(saved) => close(saved ? t('autonomyJobs.enrolments.enrolled') : '')}
          />
        </EditorCard>
      )}
      {outcomeOf && (
        <EditorCard
          id="plan-enrolment-outcome"
          title={t('autonomyJobs.enrolments.outcomeTitle', { title: outcomeOf.offerTitle })}
        >
          <OutcomeForm
            key={outcomeOf.id}
            enrolment={outcomeOf}
            onDone={(saved) => close(saved ? t('autonomyJobs.enrolments.outcomeSaved') : '')}
          />
        </EditorCard>
      )}
      {plan.enrolments.length === 0 ? (
        <p>{t('autonomyJobs.enrolments.none')}</p>
      ) : (
        <DataTable caption={t('autonomyJobs.enrolments.caption', { count: plan.enrolments.length })}>
          <thead>
            <tr>
              <th scope="col">{t('autonomyJobs.enrolments.offer')}</th>
              <th scope="col">{t('autonomyJobs.enrolments.enrolledOn')}</th>
              <th scope="col">{t('autonomyJobs.enrolments.status')}</th>
              <th scope="col">{t('autonomyJobs.enrolments.outcomeOn')}</th>
              {writable && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.enrolments.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.offerTitle}
                  <small className="d-block">{catalogue.word('offerKind', e.offerKind)}</small>
                </th>
                <td>{formatDay(e.enrolledOn, locale)}</td>
                <td>
                  {words.word('enrolmentStatus', e.status)}
                  {e.certificate && (
                    <small className="d-block">{t('autonomyJobs.enrolments.withCertificate')}</small>
                  )}
                </td>
                <td>{formatDay(e.outcomeOn, locale)}</td>
                {writable && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-xs"
                      aria-label={t('autonomyJobs.enrolments.actionNamed', {
                        action: outcomeAction(e),
                        title: e.offerTitle,
                      })}
                      onClick={() => {
                        setNotice('');
                        setAdding(false);
                        setOutcomeOf(e);
                      }}
                    >
                      {outcomeAction(e)}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </PlanSection>
  );
}

type EnrolValues = { offerId: string };
const enrolResolver = contractResolver<EnrolValues>(ZEnrolmentInputSchema, (v) => ({ offerId: v.offerId }));

/** The active offers with a free place the person is not already enrolled in. */
function EnrolForm({ plan, onDone }: { plan: TPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCatalogueWords();
  const offers = useOffers({ active: 'true' });
  const enrol = useEnrol(plan.id);
  const form = useForm<EnrolValues>({ resolver: enrolResolver, defaultValues: { offerId: '' } });
  const { errors, isSubmitting } = form.formState;
  const live = new Set(plan.enrolments.filter((e) => e.status === 'enrolled').map((e) => e.offerId));
  const submit = form.handleSubmit(async (values) => {
    try {
      await enrol.mutateAsync(values.offerId);
      onDone(true);
    } catch (e) {
      // Full, or already enrolled: the server names the offer.
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <AsyncContent query={offers}>
      {(list) => {
        const open = list.items.filter((o) => o.enrolled < o.places && !live.has(o.id));
        if (open.length === 0)
          return (
            <>
              <p>{t('autonomyJobs.enrolments.noOpenOffer')}</p>
              <FormActions>
                <Link to="/autonomy/offers" className="btn btn-outline-primary btn-sm">
                  {t('autonomyJobs.enrolments.toCatalogue')}
                </Link>
                <button
                  type="button"
                  className="btn btn-outline-secondary btn-sm"
                  onClick={() => onDone(false)}
                >
                  {t('common.cancel')}
                </button>
              </FormActions>
            </>
          );
        return (
          <form onSubmit={submit} noValidate>
            {enrol.error && Object.keys(errors).length === 0 ? <ActionProblem error={enrol.error} /> : null}
            <SelectField
              id="plan-enrol-offer"
              label={t('autonomyJobs.enrolments.offer')}
              hint={t('autonomyJobs.enrolments.offerHint')}
              placeholder={t('common.choose')}
              required
              options={open.map((o) => ({
                value: o.id,
                label: t('autonomyJobs.enrolments.offerOption', {
                  title: o.title,
                  kind: catalogue.word('offerKind', o.kind),
                  count: o.places - o.enrolled,
                }),
              }))}
              error={fieldErrorText(t, errors.offerId)}
              {...form.register('offerId')}
            />
            <FormActions>
              <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
                {t('autonomyJobs.enrolments.enrolSubmit')}
              </button>
              <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
                {t('common.cancel')}
              </button>
            </FormActions>
          </form>
        );
      }}
    </AsyncContent>
  );
}

function OutcomeForm({ enrolment, onDone }: { enrolment: TEnrolment; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const save = useEnrolmentOutcome();
  const form = useForm<OutcomeValues>({
    resolver: outcomeResolver,
    defaultValues: outcomeToValues(enrolment),
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const completed = form.watch('status') === 'completed';
  const id = (name: string) => `enrolment-${enrolment.id}-${name}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ enrolmentId: enrolment.id, body: outcomeToInput(values) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      {enrolment.status === 'enrolled' && <p>{t('autonomyJobs.enrolments.outcomeIntro')}</p>}
      <div className="row">
        <SelectField
          id={id('status')}
          className="col-md-6"
          label={t('autonomyJobs.enrolments.status')}
          required
          options={words.options('enrolmentStatus', ['completed', 'dropped'])}
          error={fieldErrorText(t, errors.status)}
          {...register('status')}
        />
        <TextField
          id={id('outcome-on')}
          className="col-md-6"
          type="date"
          label={t('autonomyJobs.enrolments.outcomeOn')}
          required
          error={fieldErrorText(t, errors.outcomeOn)}
          {...register('outcomeOn')}
        />
      </div>
      {completed && (
        <CheckboxField
          id={id('certificate')}
          label={t('autonomyJobs.enrolments.certificate')}
          error={fieldErrorText(t, errors.certificate)}
          {...register('certificate')}
        />
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
