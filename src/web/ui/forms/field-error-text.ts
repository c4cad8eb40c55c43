import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

/**
 * Zod issue codes become translated messages. The contracts' own messages are English and meant for
 * developers, so the UI shows its own text; server-side field errors arrive already localised.
 */
export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  hint?: string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server' && error.message) return error.message;
  if (hint) return hint;
  switch (error.type) {
    case 'too_small':
      return t('validation.too_small');
    case 'too_big':
      return t('validation.too_big');
    case 'invalid_format':
      return t('validation.invalid_format');
    case 'invalid_type':
    case 'invalid_value':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}
