import { useTranslation } from 'react-i18next';
import { StepUpCodeForm } from '../../ui/forms/StepUpCodeForm.js';

/**
 * Registering, changing or approving a provider decides who can enter Trama, so the server wants a
 * fresh second factor first; the reason recorded with the confirmation is the action's own.
 */
export function ConfirmIdentity(props: {
  id: string;
  reason: string;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <StepUpCodeForm
      texts={{
        title: t('identityProviders.stepUp.title'),
        intro: t('identityProviders.stepUp.intro'),
        code: t('identityProviders.stepUp.code'),
        codeHint: t('identityProviders.stepUp.codeHint'),
        submit: t('identityProviders.stepUp.submit'),
      }}
      {...props}
    />
  );
}
