import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS, type TCommitteeRole } from '../../../contracts/governance-codes.js';
import { ZMemberInputSchema } from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';
import { useCommitteeWords } from './committee-words.js';
import { useCommitteeMutations, usePeopleOptions } from './committees-api.js';

interface MemberValues {
  who: 'account' | 'external';
  userId: string;
  externalName: string;
  externalOrganisation: string;
  externalEmail: string;
  role: string;
  since: string;
}

const toInput = (v: MemberValues) =>
  v.who === 'account'
    ? { userId: orNull(v.userId), role: v.role as TCommitteeRole, since: v.since }
    : {
        externalName: orNull(v.externalName),
        externalOrganisation: orNull(v.externalOrganisation),
        externalEmail: orNull(v.externalEmail),
        role: v.role as TCommitteeRole,
        since: v.since,
      };
const resolver = contractResolver<MemberValues>(ZMemberInputSchema, toInput);

/** A new member: a person with an account, or an external member (chair and secretary hold an account). */
export function MemberForm({ committeeId, onDone }: { committeeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommitteeWords();
  const add = useCommitteeMutations(committeeId).addMember;
  const people = usePeopleOptions(true);
  const form = useForm<MemberValues>({
    resolver,
    defaultValues: {
      who: 'account',
      userId: '',
      externalName: '',
      externalOrganisation: '',
      externalEmail: '',
      role: 'member',
      since: todayLocal(),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const who = form.watch('who');
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(toInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <RadioGroup
        id="member-who"
        name="who"
        legend={t('committees.memberForm.who')}
        value={who}
        onChange={(value) => form.setValue('who', value as MemberValues['who'])}
        options={[
          { value: 'account', label: t('committees.memberForm.account') },
          { value: 'external', label: t('committees.memberForm.external') },
        ]}
      />
      <div className="row">
        {who === 'account' ? (
          <SelectField
            id="member-user"
            className="col-md-6"
            label={t('committees.memberForm.person')}
            placeholder={t('common.choose')}
            required
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={fieldErrorText(t, errors.userId)}
            {...form.register('userId')}
          />
        ) : (
          <>
            <TextField
              id="member-name"
              className="col-md-6"
              label={t('committees.memberForm.name')}
              required
              maxLength={GOVERNANCE_LIMITS.name}
              error={fieldErrorText(t, errors.externalName)}
              {...form.register('externalName')}
            />
            <TextField
              id="member-organisation"
              className="col-md-6"
              label={t('committees.memberForm.organisation')}
              maxLength={GOVERNANCE_LIMITS.name}
              error={fieldErrorText(t, errors.externalOrganisation)}
              {...form.register('externalOrganisation')}
            />
            <TextField
              id="member-email"
              className="col-md-6"
              type="email"
              label={t('committees.memberForm.email')}
              hint={t('committees.memberForm.emailHint')}
              error={fieldErrorText(t, errors.externalEmail)}
              {...form.register('externalEmail')}
            />
          </>
        )}
        <SelectField
          id="member-role"
          className="col-md-6"
          label={t('committees.memberForm.role')}
          hint={t('committees.memberForm.roleHint')}
          required
          options={words.roleOptions}
          error={fieldErrorText(t, errors.role)}
          {...form.register('role')}
        />
        <TextField
          id="member-since"
          className="col-md-6"
          type="date"
          label={t('committees.memberForm.since')}
          required
          error={fieldErrorText(t, errors.since)}
          {...form.register('since')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('committees.memberForm.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
