import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ZConsentInputSchema,
  ZConsentWithdrawSchema,
  type ZHolderPersonSchema,
} from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useConsentAdd, useConsentWithdraw } from './community-api.js';
import { useCommunityWords } from './community-words.js';

type Person = z.output<typeof ZHolderPersonSchema>;
type Consent = Person['consents'][number];
type ConsentValues = z.input<typeof ZConsentInputSchema>;
type WithdrawValues = z.input<typeof ZConsentWithdrawSchema>;

/**
 * A person's consents to be contacted, kept as data: for what, by which channel, since when, and
 * when withdrawn. A withdrawn consent stays on the record with its date.
 */
export function ConsentsList({
  holderId,
  person,
  canEdit,
}: {
  holderId: string;
  person: Person;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);

  return (
    <div>
      <h4 className="h6 mt-3">{t('community.consents.title')}</h4>
      {person.consents.length === 0 ? (
        <p className="small">{t('community.consents.none')}</p>
      ) : (
        <ul className="list-unstyled mb-2">
          {person.consents.map((consent) => (
            <li key={consent.id} className="mb-2">
              {t('community.consents.line', {
                purpose: words.word('consentPurpose', consent.purpose),
                channel: words.word('consentChannel', consent.channel),
                date: formatDay(consent.givenOn, locale),
              })}
              {consent.withdrawnOn ? (
                <strong className="d-block small">
                  {t('community.consents.withdrawnOn', { date: formatDay(consent.withdrawnOn, locale) })}
                </strong>
              ) : (
                canEdit &&
                withdrawing !== consent.id && (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-xs ms-2"
                    aria-label={t('community.consents.withdrawNamed', {
                      purpose: words.word('consentPurpose', consent.purpose),
                    })}
                    onClick={() => setWithdrawing(consent.id)}
                  >
                    {t('community.consents.withdraw')}
                  </button>
                )
              )}
              {withdrawing === consent.id && (
                <WithdrawForm consent={consent} onDone={() => setWithdrawing(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <ConsentForm
            idPrefix={`consent-${person.id}`}
            holderId={holderId}
            personId={person.id}
            onDone={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => setAdding(true)}>
            {t('community.consents.add')}
          </button>
        ))}
    </div>
  );
}

function ConsentForm({
  idPrefix,
  holderId,
  personId,
  onDone,
}: {
  idPrefix: string;
  holderId: string;
  personId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const add = useConsentAdd(holderId, personId);
  const form = useForm<ConsentValues>({
    resolver: zodResolver(ZConsentInputSchema),
    defaultValues: {
      purpose: '' as ConsentValues['purpose'],
      channel: '' as ConsentValues['channel'],
      givenOn: todayLocal(),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      className="border rounded p-3 mt-2"
      aria-label={t('community.consents.add')}
    >
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <SelectField
        id={`${idPrefix}-purpose`}
        label={t('community.consents.purpose')}
        placeholder={t('common.choose')}
        required
        options={words.options('consentPurpose')}
        error={fieldErrorText(t, errors.purpose)}
        {...form.register('purpose')}
      />
      <SelectField
        id={`${idPrefix}-channel`}
        label={t('community.consents.channel')}
        placeholder={t('common.choose')}
        required
        options={words.options('consentChannel')}
        error={fieldErrorText(t, errors.channel)}
        {...form.register('channel')}
      />
      <TextField
        id={`${idPrefix}-given`}
        type="date"
        label={t('community.consents.givenOn')}
        required
        error={fieldErrorText(t, errors.givenOn)}
        {...form.register('givenOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('community.consents.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/** Withdrawing asks the day it was withdrawn (told on the phone last week, recorded today). */
function WithdrawForm({ consent, onDone }: { consent: Consent; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const withdraw = useConsentWithdraw();
  const form = useForm<WithdrawValues>({
    resolver: zodResolver(ZConsentWithdrawSchema),
    defaultValues: { withdrawnOn: todayLocal() },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await withdraw.mutateAsync({ consentId: consent.id, withdrawnOn: values.withdrawnOn });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      className="border rounded p-3 mt-2"
      aria-label={t('community.consents.withdraw')}
    >
      {withdraw.error && Object.keys(errors).length === 0 ? <ActionProblem error={withdraw.error} /> : null}
      <TextField
        id={`withdraw-${consent.id}`}
        type="date"
        label={t('community.consents.withdrawnOnLabel')}
        required
        error={fieldErrorText(t, errors.withdrawnOn)}
        {...form.register('withdrawnOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-danger btn-sm" disabled={isSubmitting}>
          {t('community.consents.confirmWithdraw')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
