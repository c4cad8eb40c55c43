import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { StepUpReasonForm } from '../../ui/forms/StepUpReasonForm.js';

/** Something of a request opened with a reason and, when the server asks, a second factor: in rent support's words. */
export function StepUpReason<T>(props: Omit<ComponentProps<typeof StepUpReasonForm<T>>, 'stepUpTexts'>) {
  const { t } = useTranslation();
  return (
    <StepUpReasonForm
      stepUpTexts={{
        title: t('payments.stepUp.title'),
        intro: t('payments.stepUp.intro'),
        code: t('payments.stepUp.code'),
        codeHint: t('payments.stepUp.codeHint'),
        submit: t('payments.stepUp.submit'),
      }}
      {...props}
    />
  );
}
