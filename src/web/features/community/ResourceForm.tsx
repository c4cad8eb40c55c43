import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZResourceInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useResourceAdd } from './community-api.js';
import { emptyResource, type ResourceValues, resourceToInput } from './community-forms.js';
import { useCommunityWords } from './community-words.js';

const shape = ZResourceInputSchema.shape;
const resolver = contractResolver<ResourceValues>(ZResourceInputSchema, resourceToInput);

/**
 * A line of the complementary-resources ledger: who gave what (a room, volunteer hours, money),
 * how much, its value in euro and the rule the value was reckoned by, and when. `holders`: the
 * holders to choose the source from; with `holderId` the source is that holder (its own page).
 */
export function ResourceForm({
  holderId,
  holders,
  onDone,
}: {
  holderId?: string;
  holders?: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const add = useResourceAdd();
  const form = useForm<ResourceValues>({ resolver, defaultValues: emptyResource(holderId) });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const fromHolder = form.watch('sourceKind') === 'community_holder';
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(resourceToInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <div className="row">
        {!holderId && (
          <SelectField
            id="resource-source-kind"
            className="col-md-6"
            label={t('community.resource.sourceKind')}
            required
            options={words.options('resourceSource')}
            error={fieldErrorText(t, errors.sourceKind)}
            {...register('sourceKind')}
          />
        )}
        {!holderId && fromHolder && (
          <SelectField
            id="resource-holder"
            className="col-md-6"
            label={t('community.resource.holder')}
            placeholder={t('common.choose')}
            required
            options={holders ?? []}
            error={fieldErrorText(t, errors.holderId)}
            {...register('holderId')}
          />
        )}
        {!holderId && !fromHolder && (
          <TextField
            id="resource-source-name"
            className="col-md-6"
            label={t('community.resource.sourceName')}
            required
            maxLength={maxLengthOf(shape.sourceName)}
            error={fieldErrorText(t, errors.sourceName)}
            {...register('sourceName')}
          />
        )}
        <SelectField
          id="resource-kind"
          className="col-md-6"
          label={t('community.resource.kind')}
          placeholder={t('common.choose')}
          required
          options={words.options('resourceKind')}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <TextField
          id="resource-description"
          className="col-md-6"
          label={t('community.resource.description')}
          hint={t('community.resource.descriptionHint')}
          required
          maxLength={maxLengthOf(shape.description)}
          error={fieldErrorText(t, errors.description)}
          {...register('description')}
        />
        <TextField
          id="resource-quantity"
          className="col-6 col-md-3"
          label={t('community.resource.quantity')}
          inputMode="decimal"
          required
          error={fieldErrorText(t, errors.quantity, t('community.resource.quantityError'))}
          {...register('quantity')}
        />
        <SelectField
          id="resource-unit"
          className="col-6 col-md-3"
          label={t('community.resource.unit')}
          placeholder={t('common.choose')}
          required
          options={words.options('resourceUnit')}
          error={fieldErrorText(t, errors.unit)}
          {...register('unit')}
        />
        <TextField
          id="resource-value"
          className="col-md-6"
          label={t('community.resource.value')}
          hint={t('community.resource.valueHint')}
          inputMode="decimal"
          required
          error={fieldErrorText(t, errors.valueCents, t('community.resource.valueError'))}
          {...register('valueCents')}
        />
        <SelectField
          id="resource-rule"
          className="col-md-6"
          label={t('community.resource.valuationRule')}
          hint={t('community.resource.valuationRuleHint')}
          placeholder={t('common.choose')}
          required
          options={words.options('valuationRule')}
          error={fieldErrorText(t, errors.valuationRule)}
          {...register('valuationRule')}
        />
        <TextField
          id="resource-offered"
          className="col-md-6"
          type="date"
          label={t('community.resource.offeredOn')}
          required
          error={fieldErrorText(t, errors.offeredOn)}
          {...register('offeredOn')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('community.resource.create')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
