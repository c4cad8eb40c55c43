import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import {
  type TCommittee,
  ZCommitteeInputSchema,
  ZCommitteeUpdateSchema,
} from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useCommitteeWords } from './committee-words.js';
import { useCommitteeMutations } from './committees-api.js';

interface CommitteeValues {
  kind: string;
  name: string;
  description: string;
  quorum: string;
  active: boolean;
}

const toInput = (v: CommitteeValues) => ({
  kind: v.kind,
  name: v.name,
  description: orNull(v.description),
  quorum: Number(v.quorum),
});
const toUpdate = (v: CommitteeValues) => ({
  name: v.name,
  description: orNull(v.description),
  quorum: Number(v.quorum),
  active: v.active,
});
const quorumRange = rangeOf(ZCommitteeInputSchema.shape.quorum);
const createResolver = contractResolver<CommitteeValues>(ZCommitteeInputSchema, toInput);
const updateResolver = contractResolver<CommitteeValues>(ZCommitteeUpdateSchema, toUpdate);

/** A new committee, or the name, description, quorum and state of one (coordinators). */
export function CommitteeForm({
  committee,
  onDone,
}: {
  committee?: TCommittee;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const mutations = useCommitteeMutations(committee?.id);
  const mutation = committee ? mutations.update : mutations.create;
  const form = useForm<CommitteeValues>({
    resolver: committee ? updateResolver : createResolver,
    defaultValues: {
      kind: committee?.kind ?? 'working_group',
      name: committee?.name ?? '',
      description: committee?.description ?? '',
      quorum: String(committee?.quorum ?? 3),
      active: committee?.active ?? true,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = committee
        ? await mutations.update.mutateAsync(toUpdate(values))
        : await mutations.create.mutateAsync(
            toInput(values) as Parameters<typeof mutations.create.mutateAsync>[0],
          );
      onDone(saved.id);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {mutation.error && Object.keys(errors).length === 0 ? <ActionProblem error={mutation.error} /> : null}
      <div className="row">
        {!committee && (
          <SelectField
            id="committee-kind"
            className="col-md-6"
            label={t('committees.form.kind')}
            required
            options={words.kindOptions}
            error={fieldErrorText(t, errors.kind)}
            {...form.register('kind')}
          />
        )}
        <TextField
          id="committee-name"
          className="col-md-6"
          label={t('committees.form.name')}
          required
          maxLength={GOVERNANCE_LIMITS.name}
          error={fieldErrorText(t, errors.name)}
          {...form.register('name')}
        />
        <TextField
          id="committee-quorum"
          className="col-md-6"
          type="number"
          {...quorumRange}
          label={t('committees.form.quorum')}
          hint={t('committees.form.quorumHint')}
          required
          error={fieldErrorText(t, errors.quorum)}
          {...form.register('quorum')}
        />
      </div>
      <TextAreaField
        id="committee-description"
        label={t('committees.form.description')}
        rows={3}
        maxLength={GOVERNANCE_LIMITS.text}
        error={fieldErrorText(t, errors.description)}
        {...form.register('description')}
      />
      {committee && (
        <CheckboxField
          id="committee-active"
          label={t('committees.form.active')}
          {...form.register('active')}
        />
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('committees.form.save')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => onDone(committee?.id ?? '')}
        >
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
