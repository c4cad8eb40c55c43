import { zodResolver } from '@hookform/resolvers/zod';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useStructureSave } from './structure-api.js';

/**
 * A create/edit form of the structure screens: validation by the contract schema, POST or PATCH,
 * the server's field errors put on their fields, and `problem` for an error no field explains.
 * `toBody` adapts the form's values to the endpoint when they differ (services).
 */
export function useStructureForm<S extends z.ZodObject, TValues extends FieldValues = z.infer<S>>({
  collection,
  schema,
  id,
  defaultValues,
  onDone,
  toBody = (values) => values,
}: {
  collection: 'districts' | 'organisations' | 'services';
  schema: S;
  id: string | undefined;
  defaultValues: DefaultValues<TValues>;
  onDone: () => void;
  toBody?: (values: TValues) => unknown;
}) {
  const locale = useLocale();
  const save = useStructureSave(collection);
  // The schema's inferred type is TValues by construction; the resolver's generics cannot see it.
  const form = useForm<TValues>({ resolver: zodResolver(schema as never), defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ id, body: toBody(values) });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, Object.keys(schema.shape));
    }
  });
  const problem = save.error && Object.keys(form.formState.errors).length === 0 ? save.error : null;
  return { ...form, onSubmit, problem };
}

/** Save and cancel, the same on every structure form. */
export function SaveCancel({ isSubmitting, onCancel }: { isSubmitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <FormActions>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {t('common.save')}
      </button>
      <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </FormActions>
  );
}
