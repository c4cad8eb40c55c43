import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SITE_PAGE_KINDS, type TSitePageKind, ZSitePageCreateSchema } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PlacementFields } from './PlacementFields.js';
import { TextFields } from './TextFields.js';
import { type CreateInput, type CreateValues, createToInput, emptyCreateValues } from './website-forms.js';

const resolver = contractResolver<CreateValues>(ZSitePageCreateSchema, createToInput);
/** The fields the service itself names without their place in the request (`slug` when it is taken). */
const PLACEMENT = ['page.slug', 'page.category', 'page.parentId', 'page.menuOrder'];

/** A new page or news item: where it goes, and its Italian text (every page starts in Italian, as a draft). */
export function PageCreateForm({
  kind,
  error,
  onSubmit,
  onCancel,
}: {
  kind: TSitePageKind;
  error: unknown;
  onSubmit: (body: CreateInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<CreateValues>({ resolver, defaultValues: emptyCreateValues(kind) });
  const { errors, isSubmitting } = form.formState;
  const chosenKind = form.watch('page.kind');
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(createToInput(values));
    } catch (e) {
      // The contract's checks name the request's path (`body.page.slug`), the service's own the field alone.
      if (!applyServerFieldErrors(e, form.setError, locale, values))
        applyServerFieldErrors(e, form.setError, locale, PLACEMENT, 'page.');
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <SelectField
        id="site-page-new-kind"
        label={t('website.fields.kind')}
        required
        options={SITE_PAGE_KINDS.map((k) => ({ value: k, label: t(`website.kinds.${k}`) }))}
        error={fieldErrorText(t, errors.page?.kind)}
        {...form.register('page.kind')}
      />
      <PlacementFields
        idPrefix="site-page-new"
        kind={chosenKind}
        field={(name) => form.register(`page.${name}`)}
        error={(name, hint) => fieldErrorText(t, errors.page?.[name], hint)}
      />
      <h4 className="h6 mt-4">{t('website.create.italianText')}</h4>
      <TextFields
        idPrefix="site-page-new"
        lang="it"
        field={(name) => form.register(`italian.${name}`)}
        error={(name) => fieldErrorText(t, errors.italian?.[name])}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('website.create.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
