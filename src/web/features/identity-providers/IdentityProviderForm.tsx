import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TIdentityProvider,
  ZIdentityProviderCreateSchema,
  ZIdentityProviderUpdateSchema,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CheckboxField, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ConfirmIdentity } from './ConfirmIdentity.js';
import {
  isStepUpRequired,
  useOrganisationChoices,
  useSaveIdentityProvider,
} from './identity-providers-api.js';
import { createBodyOf, type ProviderFormValues, updateBodyOf, valuesOf } from './provider-form.js';

const createResolver = contractResolver<ProviderFormValues>(ZIdentityProviderCreateSchema, createBodyOf);
const updateResolver = contractResolver<ProviderFormValues>(ZIdentityProviderUpdateSchema, updateBodyOf);
const fields = ZIdentityProviderCreateSchema.shape;

/**
 * Registers an organisation's provider, or changes one (its issuer and organisation stay). The
 * server asks for a fresh second factor first: the code is asked here and the save repeated.
 */
export function IdentityProviderForm({
  provider,
  onDone,
}: {
  provider: TIdentityProvider | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const organisations = useOrganisationChoices();
  const save = useSaveIdentityProvider();
  const form = useForm<ProviderFormValues>({
    resolver: provider ? updateResolver : createResolver,
    defaultValues: valuesOf(provider),
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const [confirming, setConfirming] = useState(false);
  const waiting = useRef<ProviderFormValues | null>(null);

  async function saveValues(values: ProviderFormValues) {
    try {
      await save.mutateAsync({
        id: provider?.id,
        body: provider ? updateBodyOf(values) : createBodyOf(values),
      });
      onDone();
    } catch (e) {
      if (isStepUpRequired(e)) {
        waiting.current = values;
        setConfirming(true);
        return;
      }
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  }
  const onSubmit = form.handleSubmit(saveValues);

  function confirmed() {
    setConfirming(false);
    save.reset();
    if (waiting.current) void saveValues(waiting.current);
  }

  // Options must exist before the form registers its values, or the select would show none chosen.
  if (!provider && organisations.isPending) return <Loading />;
  const problem =
    save.error && !isStepUpRequired(save.error) && Object.keys(errors).length === 0 ? save.error : null;

  return (
    <EditorCard
      id="identity-provider-editor"
      title={
        provider ? t('identityProviders.editTitle', { name: provider.name }) : t('identityProviders.new')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={problem} />
        {provider ? (
          <dl className="mb-4">
            <dt>{t('identityProviders.fields.organisation')}</dt>
            <dd>{provider.organisationName}</dd>
            <dt>{t('identityProviders.fields.issuer')}</dt>
            <dd className="text-break">{provider.issuer}</dd>
          </dl>
        ) : (
          <>
            <SelectField
              id="provider-organisation"
              label={t('identityProviders.fields.organisation')}
              required
              placeholder={t('common.choose')}
              options={organisations.data ?? []}
              error={fieldErrorText(t, errors.organisationId)}
              {...register('organisationId')}
            />
            <TextField
              id="provider-issuer"
              type="url"
              label={t('identityProviders.fields.issuer')}
              hint={t('identityProviders.hints.issuer')}
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={maxLengthOf(fields.issuer)}
              error={fieldErrorText(t, errors.issuer, t('identityProviders.errors.issuer'))}
              {...register('issuer')}
            />
          </>
        )}
        <TextField
          id="provider-name"
          label={t('identityProviders.fields.name')}
          hint={t('identityProviders.hints.name')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(fields.name)}
          error={fieldErrorText(t, errors.name)}
          {...register('name')}
        />
        <TextField
          id="provider-client-id"
          label={t('identityProviders.fields.clientId')}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLengthOf(fields.clientId)}
          error={fieldErrorText(t, errors.clientId)}
          {...register('clientId')}
        />
        <TextField
          id="provider-client-secret"
          type="password"
          label={t('identityProviders.fields.clientSecret')}
          hint={provider ? t('identityProviders.hints.keepSecret') : t('identityProviders.hints.secret')}
          required={!provider}
          autoComplete="new-password"
          maxLength={maxLengthOf(fields.clientSecret)}
          error={fieldErrorText(t, errors.clientSecret)}
          {...register('clientSecret')}
        />
        <TextAreaField
          id="provider-domains"
          label={t('identityProviders.fields.allowedDomains')}
          hint={t('identityProviders.hints.allowedDomains')}
          required
          spellCheck={false}
          error={fieldErrorText(t, errors.allowedDomains, t('identityProviders.errors.allowedDomains'))}
          {...register('allowedDomains')}
        />
        <TextField
          id="provider-amr"
          label={t('identityProviders.fields.mfaAmrValues')}
          hint={t('identityProviders.hints.mfaAmrValues')}
          autoComplete="off"
          spellCheck={false}
          error={fieldErrorText(t, errors.mfaAmrValues, t('identityProviders.errors.amrValues'))}
          {...register('mfaAmrValues')}
        />
        <TextField
          id="provider-acr"
          label={t('identityProviders.fields.mfaAcrValues')}
          hint={t('identityProviders.hints.mfaAcrValues')}
          autoComplete="off"
          spellCheck={false}
          error={fieldErrorText(t, errors.mfaAcrValues, t('identityProviders.errors.assuranceValues'))}
          {...register('mfaAcrValues')}
        />
        <CheckboxField
          id="provider-enabled"
          label={t('identityProviders.fields.enabled')}
          error={fieldErrorText(t, errors.enabled)}
          {...register('enabled')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting || confirming}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
      {confirming && (
        <ConfirmIdentity
          id="provider-step-up"
          reason={t('identityProviders.stepUp.reasonChange')}
          onVerified={confirmed}
          onCancel={() => setConfirming(false)}
        />
      )}
    </EditorCard>
  );
}
