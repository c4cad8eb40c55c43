import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TEvent, ZRegistrationInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useRegistrationMutations } from './community-events-api.js';
import { listError } from './event-form.js';
import { usePublicLanguages } from './event-words.js';
import { HolderPicker } from './HolderPicker.js';
import { useParticipantWords } from './participant-words.js';
import { type IssuedTicket, TicketCard } from './TicketCard.js';

const shape = ZRegistrationInputSchema.shape;

interface RegistrationValues {
  participant: string;
  anonymous: boolean;
  name: string;
  phone: string;
  gender: string;
  ageBand: string;
  citizenshipGroup: string;
  language: string;
  /** The holder through which the person registers: none or one. */
  viaHolderId: string[];
}

const empty = (): RegistrationValues => ({
  participant: 'resident',
  anonymous: false,
  name: '',
  phone: '',
  gender: 'not_said',
  ageBand: 'not_said',
  citizenshipGroup: 'not_said',
  language: 'it',
  viaHolderId: [],
});

/** An anonymous registration keeps no name or phone, whatever was typed before choosing it. */
function registrationToInput(v: RegistrationValues) {
  return {
    participant: v.participant,
    anonymous: v.anonymous,
    name: v.anonymous ? null : orNull(v.name),
    phone: v.anonymous ? null : orNull(v.phone),
    gender: v.gender,
    ageBand: v.ageBand,
    citizenshipGroup: v.citizenshipGroup,
    language: v.language,
    viaHolderId: v.viaHolderId[0] ?? null,
  };
}
const resolver = contractResolver<RegistrationValues>(ZRegistrationInputSchema, registrationToInput);

/**
 * An organiser registers someone on their behalf (at the desk, on the phone, through a holder):
 * few fields, a phone or nothing, anonymity if the person wants it. The ticket code is shown once.
 */
export function RegisterPersonForm({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useParticipantWords();
  const languages = usePublicLanguages();
  const { register: registration } = useRegistrationMutations(event.id);
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);
  const form = useForm<RegistrationValues>({ resolver, defaultValues: empty() });
  const { errors, isSubmitting } = form.formState;
  const anonymous = form.watch('anonymous');

  const submit = form.handleSubmit(async (values) => {
    try {
      const issued = await registration.mutateAsync(
        ZRegistrationInputSchema.parse(registrationToInput(values)),
      );
      setTicket({ ...issued, name: values.anonymous ? null : values.name.trim(), eventTitle: event.title });
      form.reset(empty());
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <section aria-labelledby="register-person" className="mb-4">
      <h2 id="register-person" className="h4">
        {t('communityEvents.register.title')}
      </h2>
      <p>{t('communityEvents.register.intro')}</p>
      {ticket && <TicketCard ticket={ticket} onDone={() => setTicket(null)} />}
      <form onSubmit={submit} noValidate className="card shadow-sm p-4">
        {registration.error && Object.keys(errors).length === 0 ? (
          <ActionProblem error={registration.error} />
        ) : null}
        <Controller
          control={form.control}
          name="participant"
          render={({ field }) => (
            <RadioGroup
              id="register-participant"
              name="participant"
              legend={t('communityEvents.register.participant')}
              options={words.options('participant')}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, errors.participant)}
            />
          )}
        />
        <CheckboxField
          id="register-anonymous"
          label={t('communityEvents.register.anonymous')}
          hint={t('communityEvents.register.anonymousHint')}
          {...form.register('anonymous')}
        />
        {!anonymous && (
          <div className="row">
            <TextField
              id="register-name"
              className="col-md-6"
              label={t('communityEvents.register.name')}
              required
              autoComplete="off"
              maxLength={maxLengthOf(shape.name)}
              error={fieldErrorText(t, errors.name)}
              {...form.register('name')}
            />
            <TextField
              id="register-phone"
              className="col-md-6"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              label={t('communityEvents.register.phone')}
              hint={t('communityEvents.register.phoneHint')}
              maxLength={maxLengthOf(shape.phone)}
              error={fieldErrorText(t, errors.phone)}
              {...form.register('phone')}
            />
          </div>
        )}
        <div className="row">
          <SelectField
            id="register-gender"
            className="col-md-6"
            label={t('communityEvents.register.gender')}
            options={words.options('gender')}
            error={fieldErrorText(t, errors.gender)}
            {...form.register('gender')}
          />
          <SelectField
            id="register-age"
            className="col-md-6"
            label={t('communityEvents.register.ageBand')}
            options={words.options('ageBand')}
            error={fieldErrorText(t, errors.ageBand)}
            {...form.register('ageBand')}
          />
          <SelectField
            id="register-citizenship"
            className="col-md-6"
            label={t('communityEvents.register.citizenshipGroup')}
            options={words.options('citizenshipGroup')}
            error={fieldErrorText(t, errors.citizenshipGroup)}
            {...form.register('citizenshipGroup')}
          />
          <SelectField
            id="register-language"
            className="col-md-6"
            label={t('communityEvents.register.language')}
            hint={t('communityEvents.register.languageHint')}
            options={languages.options}
            error={fieldErrorText(t, errors.language)}
            {...form.register('language')}
          />
        </div>
        <Controller
          control={form.control}
          name="viaHolderId"
          render={({ field }) => (
            <HolderPicker
              id="register-via-holder"
              legend={t('communityEvents.register.viaHolder')}
              hint={t('communityEvents.register.viaHolderHint')}
              value={field.value}
              onChange={field.onChange}
              single
              knownNames={Object.fromEntries(event.coOrganisers.map((h) => [h.id, h.name]))}
              error={fieldErrorText(t, listError(errors.viaHolderId))}
            />
          )}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('communityEvents.register.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
