import { useTranslation } from 'react-i18next';
import { StepUpCodeForm } from '../../ui/forms/StepUpCodeForm.js';

/** The server wants a fresh second factor before revealing: in the household's words. */
export function StepUpForm(props: {
  reason: string;
  pending: boolean;
  error: unknown;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <StepUpCodeForm
      id="step-up"
      texts={{
        title: t('households.stepUp.title'),
        intro: t('households.stepUp.intro'),
        code: t('households.stepUp.code'),
        codeHint: t('households.stepUp.codeHint'),
        submit: t('households.stepUp.submit'),
      }}
      {...props}
    />
  );
}
