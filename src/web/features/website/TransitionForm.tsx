import type { UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TSiteAction,
  type TSitePageDetail,
  type TSiteTransition,
  ZSiteTransitionSchema,
} from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { toLocalInput } from '../../ui/forms/values.js';
import { type TransitionValues, transitionToInput } from './website-forms.js';

const NOTE_MAX = maxLengthOf(ZSiteTransitionSchema.shape.note);

/**
 * An action that takes a note (return to draft, archive, restore) or a moment (schedule): the
 * note is one line, optional, and goes into the page's history; the moment is the editor's local
 * time, sent as an instant with its offset.
 */
export function TransitionForm({
  action,
  transition,
  onDone,
  onCancel,
}: {
  action: TSiteAction;
  transition: UseMutationResult<TSitePageDetail, Error, TSiteTransition>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const resolver = useMemo(
    () => contractResolver<TransitionValues>(ZSiteTransitionSchema, (v) => transitionToInput(action, v)),
    [action],
  );
  const form = useForm<TransitionValues>({ resolver, defaultValues: { publishAt: '', note: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await transition.mutateAsync(transitionToInput(action, values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const id = `site-${action}`;
  return (
    <form onSubmit={submit} noValidate className="mt-2">
      <h3 className="h6">{t(`website.workflow.formTitle.${action}`)}</h3>
      {transition.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={transition.error} />
      ) : null}
      {action === 'schedule' && (
        <TextField
          id={`${id}-publish-at`}
          type="datetime-local"
          label={t('website.workflow.publishAt')}
          hint={t('website.workflow.publishAtHint')}
          required
          min={toLocalInput(null, true)}
          error={fieldErrorText(t, errors.publishAt, t('website.workflow.publishAtHint'))}
          {...form.register('publishAt')}
        />
      )}
      <TextField
        id={`${id}-note`}
        label={t(`website.workflow.note.${action}`)}
        hint={t('website.workflow.noteHint')}
        maxLength={NOTE_MAX}
        autoComplete="off"
        error={fieldErrorText(t, errors.note)}
        {...form.register('note')}
      />
      <FormActions>
        <button
          type="submit"
          className={`btn btn-sm ${action === 'archive' || action === 'return' ? 'btn-danger' : 'btn-primary'}`}
          disabled={isSubmitting}
        >
          {t(`website.actions.${action}`)}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
