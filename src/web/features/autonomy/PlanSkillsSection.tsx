import { useState } from 'react';
import { type FieldError, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TPlan, ZSkillsInputSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useCommunityReference } from '../community/community-words.js';
import { useSkillsSave } from './autonomy-jobs-api.js';
import { type SkillsValues, skillsResolver, skillsToInput, skillsToValues } from './jobs-forms.js';
import { useJobWords } from './jobs-words.js';
import { PlanSection, planWritable } from './PlanSection.js';

const shape = ZSkillsInputSchema.shape;
const MAX_LANGUAGES = maxItemsOf(shape.languages);

/**
 * The skills balance (bilancio di competenze, issue 20, item 3): the languages the person speaks
 * and how well, education and whether it is recognised in Italy, work history, driving licence.
 * One per plan, rewritten as it is updated.
 */
export function PlanSkillsSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const reference = useCommunityReference();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const skills = plan.skills;

  return (
    <PlanSection
      id="plan-skills"
      title={t('autonomyJobs.skills.title')}
      action={
        planWritable(plan) &&
        !editing &&
        (skills ? t('autonomyJobs.skills.update') : t('autonomyJobs.skills.start'))
      }
      onAction={() => {
        setNotice('');
        setEditing(true);
      }}
      notice={notice}
    >
      {editing && (
        <EditorCard id="plan-skills-form" title={t('autonomyJobs.skills.formTitle')}>
          <SkillsForm
            plan={plan}
            onDone={(saved) => {
              setEditing(false);
              setNotice(saved ? t('autonomyJobs.skills.saved') : '');
            }}
          />
        </EditorCard>
      )}
      {!skills ? (
        <p>{t('autonomyJobs.skills.none')}</p>
      ) : (
        <Facts>
          <Fact label={t('autonomyJobs.skills.languages')}>
            {skills.languages.length === 0
              ? '—'
              : skills.languages
                  .map((l) =>
                    t('autonomyJobs.skills.languageLevel', {
                      language: reference.languageName(l.language),
                      level: words.word('cefrLevel', l.level),
                    }),
                  )
                  .join(', ')}
          </Fact>
          <Fact label={t('autonomyJobs.skills.educationLevel')}>
            {words.word('educationLevel', skills.educationLevel)}
          </Fact>
          <Fact label={t('autonomyJobs.skills.educationCountry')}>
            {reference.countryName(skills.educationCountry)}
          </Fact>
          <Fact label={t('autonomyJobs.skills.educationRecognition')}>
            {words.word('educationRecognition', skills.educationRecognition)}
          </Fact>
          <Fact label={t('autonomyJobs.skills.drivingLicence')}>
            {words.word('drivingLicence', skills.drivingLicence)}
          </Fact>
          <Fact label={t('autonomyJobs.skills.workHistory')}>
            {skills.workHistory ? <span style={{ whiteSpace: 'pre-wrap' }}>{skills.workHistory}</span> : '—'}
          </Fact>
          <Fact label={t('autonomyJobs.skills.notes')}>
            {skills.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{skills.notes}</span> : '—'}
          </Fact>
          <Fact label={t('autonomyJobs.skills.updated')}>
            {t('autonomyJobs.skills.updatedBy', {
              name: skills.updatedBy,
              when: formatDateTime(skills.updatedAt, locale),
            })}
          </Fact>
        </Facts>
      )}
    </PlanSection>
  );
}

function SkillsForm({ plan, onDone }: { plan: TPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const reference = useCommunityReference();
  const save = useSkillsSave(plan.id);
  const form = useForm<SkillsValues>({
    resolver: skillsResolver,
    defaultValues: skillsToValues(plan.skills),
  });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const languages = useFieldArray({ control, name: 'languages' });
  // The list's own error (a language twice, too many): on the list, or at its root.
  const languagesError = fieldErrorText(
    t,
    errors.languages?.root ?? (errors.languages as unknown as FieldError | undefined),
  );
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(skillsToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      <fieldset className="mb-4" aria-describedby="skills-languages-hint">
        <legend className="h6 fw-semibold text-body mb-2 px-0">{t('autonomyJobs.skills.languages')}</legend>
        <small id="skills-languages-hint" className="form-text d-block mb-2">
          {t('autonomyJobs.skills.languagesHint', { max: MAX_LANGUAGES })}
        </small>
        {languages.fields.map((row, index) => (
          <div key={row.id} className="row align-items-end">
            <SelectField
              id={`skills-language-${index}`}
              className="col-sm-5"
              label={t('autonomyJobs.skills.language', { n: index + 1 })}
              placeholder={t('common.choose')}
              required
              options={reference.languageOptions}
              error={fieldErrorText(t, errors.languages?.[index]?.language)}
              {...register(`languages.${index}.language`)}
            />
            <SelectField
              id={`skills-level-${index}`}
              className="col-sm-4"
              label={t('autonomyJobs.skills.level', { n: index + 1 })}
              placeholder={t('common.choose')}
              required
              options={words.options('cefrLevel')}
              error={fieldErrorText(t, errors.languages?.[index]?.level)}
              {...register(`languages.${index}.level`)}
            />
            <div className="col-sm-3 mb-4">
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => languages.remove(index)}
              >
                {t('autonomyJobs.skills.removeLanguage', { n: index + 1 })}
              </button>
            </div>
          </div>
        ))}
        {languages.fields.length < MAX_LANGUAGES && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => languages.append({ language: '', level: '' })}
          >
            {t('autonomyJobs.skills.addLanguage')}
          </button>
        )}
        {languagesError && (
          <div className="invalid-feedback d-block" role="alert">
            {languagesError}
          </div>
        )}
      </fieldset>
      <div className="row">
        <SelectField
          id="skills-education-level"
          className="col-md-4"
          label={t('autonomyJobs.skills.educationLevel')}
          placeholder={t('autonomyJobs.skills.notSaid')}
          options={words.options('educationLevel')}
          error={fieldErrorText(t, errors.educationLevel)}
          {...register('educationLevel')}
        />
        <SelectField
          id="skills-education-country"
          className="col-md-4"
          label={t('autonomyJobs.skills.educationCountry')}
          placeholder={t('autonomyJobs.skills.notSaid')}
          options={reference.countryOptions}
          error={fieldErrorText(t, errors.educationCountry)}
          {...register('educationCountry')}
        />
        <SelectField
          id="skills-education-recognition"
          className="col-md-4"
          label={t('autonomyJobs.skills.educationRecognition')}
          placeholder={t('autonomyJobs.skills.notSaid')}
          options={words.options('educationRecognition')}
          error={fieldErrorText(t, errors.educationRecognition)}
          {...register('educationRecognition')}
        />
        <SelectField
          id="skills-driving-licence"
          className="col-md-4"
          label={t('autonomyJobs.skills.drivingLicence')}
          placeholder={t('autonomyJobs.skills.notSaid')}
          options={words.options('drivingLicence')}
          error={fieldErrorText(t, errors.drivingLicence)}
          {...register('drivingLicence')}
        />
      </div>
      <TextAreaField
        id="skills-work-history"
        label={t('autonomyJobs.skills.workHistory')}
        hint={t('autonomyJobs.skills.workHistoryHint')}
        rows={4}
        maxLength={maxLengthOf(shape.workHistory)}
        error={fieldErrorText(t, errors.workHistory)}
        {...register('workHistory')}
      />
      <TextAreaField
        id="skills-notes"
        label={t('autonomyJobs.skills.notes')}
        rows={3}
        maxLength={maxLengthOf(shape.notes)}
        error={fieldErrorText(t, errors.notes)}
        {...register('notes')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
