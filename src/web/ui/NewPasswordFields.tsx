import type { FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZNewPasswordSchema } from '../../contracts/index.js';
import { TextField } from './fields.js';
import { fieldErrorText } from './forms/field-error-text.js';

/** A form schema with a new password typed twice; the second must match the first. */
export function withNewPassword<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, newPassword: ZNewPasswordSchema, confirmPassword: z.string() })
    .refine((v) => (v as NewPasswordValues).newPassword === (v as NewPasswordValues).confirmPassword, {
      path: ['confirmPassword'],
      message: 'mismatch',
    });
}

interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

/** The "new password" and "repeat it" fields, shared by password reset and password change. */
export function NewPasswordFields<T extends NewPasswordValues>({
  ids,
  register,
  errors,
}: {
  ids: { password: string; confirm: string };
  register: UseFormRegister<T>;
  errors: FieldErrors<NewPasswordValues>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={ids.password}
        type="password"
        label={t('auth.reset.newPassword')}
        autoComplete="new-password"
        required
        hint={t('auth.reset.passwordHint')}
        error={fieldErrorText(t, errors.newPassword, t('auth.reset.passwordHint'))}
        {...register('newPassword' as Path<T>)}
      />
      <TextField
        id={ids.confirm}
        type="password"
        label={t('auth.reset.confirmPassword')}
        autoComplete="new-password"
        required
        error={fieldErrorText(t, errors.confirmPassword, t('auth.reset.mismatch'))}
        {...register('confirmPassword' as Path<T>)}
      />
    </>
  );
}
