import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZAddressChangeSchema, ZRevealSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { StepUpCodeForm } from '../../ui/forms/StepUpCodeForm.js';
import { isStepUpRequired, StepUpReasonForm } from '../../ui/forms/StepUpReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { revealUnitAddress, useAddressChange } from './housing-api.js';
import { type AddressChangeValues, addressChangeResolver, addressChangeToInput } from './housing-forms.js';

function useStepUpTexts() {
  const { t } = useTranslation();
  return {
    title: t('housing.stepUp.title'),
    intro: t('housing.stepUp.intro'),
    code: t('housing.stepUp.code'),
    codeHint: t('housing.stepUp.codeHint'),
    submit: t('housing.stepUp.submit'),
  };
}

/**
 * A unit's address, shown in place after a reason and a recent second factor; kept only in this
 * component's state (never in the address bar, the query cache or storage) and forgotten when hidden.
 */
export function UnitAddress({
  unitId,
  unitLabel,
  startOpen = false,
  onClosed,
}: {
  unitId: string;
  unitLabel: string;
  /** Opens on the reason, when the user has already asked to see it. */
  startOpen?: boolean;
  /** Called when it is hidden again or the reveal is cancelled. */
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
  const stepUpTexts = useStepUpTexts();
  const [mode, setMode] = useState<'closed' | 'asking' | 'shown'>(startOpen ? 'asking' : 'closed');
  const [address, setAddress] = useState<string | null>(null);
  const close = () => {
    setAddress(null);
    setMode('closed');
    onClosed?.();
  };

  return (
    <div>
      {mode === 'shown' ? (
        <p className="fw-semibold mb-1 text-break">{address}</p>
      ) : (
        <p className="mb-1">{t('housing.address.protected')}</p>
      )}
      {mode === 'closed' && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('housing.address.revealNamed', { unit: unitLabel })}
          onClick={() => setMode('asking')}
        >
          {t('housing.address.reveal')}
        </button>
      )}
      {mode === 'shown' && (
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={close}>
          {t('housing.address.hide')}
        </button>
      )}
      {mode === 'asking' && (
        <StepUpReasonForm
          id={`unit-${unitId}-address`}
          label={t('housing.address.reason')}
          hint={t('housing.address.reasonHint')}
          schema={ZRevealSchema.shape.reason}
          submitLabel={t('housing.address.revealSubmit')}
          stepUpTexts={stepUpTexts}
          run={(reason) => revealUnitAddress({ unitId, reason })}
          onDone={(revealed) => {
            setAddress(revealed.address);
            setMode('shown');
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}

/** A new address for the unit, with the reason; after a recent second factor. */
export function AddressChangeForm({ unitId, onDone }: { unitId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stepUpTexts = useStepUpTexts();
  const change = useAddressChange(unitId);
  const [pending, setPending] = useState<AddressChangeValues | null>(null);
  const form = useForm<AddressChangeValues>({
    resolver: addressChangeResolver,
    defaultValues: { address: '', reason: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const send = async (values: AddressChangeValues) => {
    try {
      await change.mutateAsync(ZAddressChangeSchema.parse(addressChangeToInput(values)));
      setPending(null);
      form.reset({ address: '', reason: '' });
      onDone(true);
    } catch (e) {
      if (isStepUpRequired(e)) setPending(values);
      else applyServerFieldErrors(e, form.setError, locale, values);
    }
  };
  const otherError = change.error && !isStepUpRequired(change.error) ? change.error : null;

  if (pending)
    return (
      <StepUpCodeForm
        id={`unit-${unitId}-address-change-step-up`}
        texts={stepUpTexts}
        reason={pending.reason}
        pending={change.isPending}
        error={otherError}
        onVerified={() => void send(pending)}
        onCancel={() => {
          setPending(null);
          form.reset({ address: '', reason: '' });
          onDone(false);
        }}
      />
    );
  return (
    <form onSubmit={form.handleSubmit(send)} noValidate autoComplete="off">
      {otherError && Object.keys(errors).length === 0 ? <ActionProblem error={otherError} /> : null}
      <TextAreaField
        id="unit-new-address"
        label={t('housing.address.newAddress')}
        hint={t('housing.address.newAddressHint')}
        rows={2}
        required
        maxLength={maxLengthOf(ZAddressChangeSchema.shape.address)}
        error={fieldErrorText(t, errors.address)}
        {...form.register('address')}
      />
      <TextAreaField
        id="unit-new-address-reason"
        label={t('housing.address.changeReason')}
        rows={2}
        required
        maxLength={maxLengthOf(ZAddressChangeSchema.shape.reason)}
        error={fieldErrorText(t, errors.reason)}
        {...form.register('reason')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting || change.isPending}>
          {t('housing.address.changeSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
