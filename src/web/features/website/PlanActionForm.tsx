import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import {
  COMM_AUDIENCES,
  COMM_CHANNELS,
  type TCommAction,
  type TCommActionInput,
  ZCommActionInputSchema,
} from '../../../contracts/website-plan.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { Loading } from '../../ui/Loading.js';
import { actionToValues, type PlanActionValues, planToInput } from './plan-forms.js';
import { useSitePages } from './website-api.js';

const shape = ZCommActionInputSchema.shape;
const resolver = contractResolver<PlanActionValues>(ZCommActionInputSchema, planToInput);
type Option = { value: string; label: string };

/**
 * The items an action may promote: the published pages, news and video chapters, by title, with
 * their kind in words. An action's own item stays offered after it was taken off the site.
 */
function usePromotable(action: TCommAction | null) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = useSitePages();
  const options: Option[] = (pages.data ?? [])
    .filter((p) => p.state === 'published')
    .map((p) => ({ value: p.id, label: `${p.title} (${t(`website.kinds.${p.kind}`)})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (action?.pageId && action.page && !options.some((o) => o.value === action.pageId))
    options.push({
      value: action.pageId,
      label: t('website.plan.fields.pageGone', { title: action.page.title }),
    });
  return { options, pending: pages.isPending };
}

interface FormProps {
  action: TCommAction | null;
  /** The day a new action starts on. */
  day: string;
  error: unknown;
  onSubmit: (body: TCommActionInput) => Promise<unknown>;
  onCancel: () => void;
}

/**
 * An action of the plan: what, when, on which channel, for whom, in which languages, promoting
 * which item; and once done, the day and the people it reached. The form opens once the items are
 * there, so an action's own item shows selected.
 */
export function PlanActionForm(props: FormProps) {
  const { options, pending } = usePromotable(props.action);
  return pending ? <Loading /> : <ActionFields {...props} pages={options} />;
}

function ActionFields({ action, day, error, onSubmit, onCancel, pages }: FormProps & { pages: Option[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<PlanActionValues>({ resolver, defaultValues: actionToValues(action, day) });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(planToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const markDone = () => {
    if (!form.getValues('doneOn')) form.setValue('doneOn', todayLocal(), { shouldDirty: true });
    void submit();
  };
  const words = (list: readonly string[], group: string) =>
    list.map((code) => ({ value: code, label: t(`website.plan.${group}.${code}`) }));
  const errorOf = (name: keyof PlanActionValues, hint?: string) =>
    fieldErrorText(t, errors[name] as FieldError | undefined, hint);
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <TextField
        id="plan-action-title"
        label={t('website.plan.fields.title')}
        hint={t('website.plan.fields.titleHint')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={errorOf('title')}
        {...form.register('title')}
      />
      <TextField
        id="plan-action-planned"
        type="date"
        label={t('website.plan.fields.plannedOn')}
        required
        error={errorOf('plannedOn')}
        {...form.register('plannedOn')}
      />
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="plan-action-channel"
            label={t('website.plan.fields.channel')}
            required
            placeholder={t('common.choose')}
            options={words(COMM_CHANNELS, 'channels')}
            error={errorOf('channel')}
            {...form.register('channel')}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="plan-action-audience"
            label={t('website.plan.fields.audience')}
            required
            placeholder={t('common.choose')}
            options={words(COMM_AUDIENCES, 'audiences')}
            error={errorOf('audience')}
            {...form.register('audience')}
          />
        </div>
      </div>
      <Controller
        control={form.control}
        name="languages"
        render={({ field }) => (
          <CheckboxGroup
            id="plan-action-languages"
            legend={t('website.plan.fields.languages')}
            required
            inline
            options={SITE_LANGUAGES.map((l) => ({ value: l, label: t(`website.languages.${l}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorOf('languages')}
          />
        )}
      />
      <SelectField
        id="plan-action-page"
        label={t('website.plan.fields.page')}
        hint={t('website.plan.fields.pageHint')}
        placeholder={t('website.plan.fields.pageNone')}
        options={pages}
        error={errorOf('pageId')}
        {...form.register('pageId')}
      />
      <TextAreaField
        id="plan-action-note"
        label={t('website.plan.fields.note')}
        rows={3}
        maxLength={maxLengthOf(shape.note)}
        error={errorOf('note')}
        {...form.register('note')}
      />
      <fieldset className="border rounded p-3 mb-4">
        <legend className="h6 fw-semibold text-body float-none w-auto px-1 mb-2">
          {t('website.plan.fields.done')}
        </legend>
        <TextField
          id="plan-action-done"
          type="date"
          label={t('website.plan.fields.doneOn')}
          hint={t('website.plan.fields.doneOnHint')}
          error={errorOf('doneOn')}
          {...form.register('doneOn')}
        />
        <TextField
          id="plan-action-reach"
          type="number"
          inputMode="numeric"
          label={t('website.plan.fields.reach')}
          hint={t('website.plan.fields.reachHint')}
          {...rangeOf(shape.reach)}
          error={errorOf('reach')}
          {...form.register('reach')}
        />
      </fieldset>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('website.plan.form.save')}
        </button>
        {action && !action.doneOn && (
          <button
            type="button"
            className="btn btn-outline-success"
            disabled={isSubmitting}
            onClick={markDone}
          >
            {t('website.plan.form.markDone')}
          </button>
        )}
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
