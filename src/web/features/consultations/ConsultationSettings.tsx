import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REQUESTING_AUTHORITIES,
  type TConsultation,
  ZCourtRequestSchema,
} from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { useConsultationMutations } from './consultations-api.js';

/** The team sets the lead therapist, the opinion's due date and, for a court investigation, the court's request. */
export function ConsultationSettings({ consultation: k }: { consultation: TConsultation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { update } = useConsultationMutations(k.id);
  const [kind, setKind] = useState(k.kind);
  const [lead, setLead] = useState(k.leadUserId ?? '');
  const [due, setDue] = useState(k.opinionDueOn ?? '');
  const [authority, setAuthority] = useState(k.courtRequest?.requestingAuthority ?? 'juvenile_court');
  const [reference, setReference] = useState(k.courtRequest?.requestReference ?? '');
  const [requestDate, setRequestDate] = useState(k.courtRequest?.requestDate ?? '');
  const [covers, setCovers] = useState(k.courtRequest?.coversTeamInvolvement ?? false);
  const err = (field: string) => serverFieldError(update.error, locale, field);

  function save(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      body: {
        kind,
        ...(lead ? { leadUserId: lead } : {}),
        opinionDueOn: due || null,
        courtRequest:
          kind === 'court_investigation' && reference
            ? {
                requestingAuthority: authority,
                requestReference: reference,
                requestDate,
                coversTeamInvolvement: covers,
              }
            : kind === 'court_investigation'
              ? undefined
              : null,
      },
    });
  }
  return (
    <section aria-labelledby="consultation-settings-heading" className="mb-5">
      <h2 id="consultation-settings-heading" className="h4">
        {t('consultations.settings.title')}
      </h2>
      <form onSubmit={save} noValidate>
        {update.error && !err('courtRequest') && !err('courtRequest.coversTeamInvolvement') ? (
          <ActionProblem error={update.error} />
        ) : null}
        <SelectField
          id="consultation-kind"
          label={t('consultations.fields.kind')}
          options={(['stuck_case', 'court_investigation'] as const).map((v) => ({
            value: v,
            label: t(`consultations.kind.${v}`),
          }))}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
        />
        <SelectField
          id="consultation-lead"
          label={t('consultations.fields.lead')}
          options={(k.teamUsers ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={lead}
          error={err('leadUserId')}
          onChange={(e) => setLead(e.target.value)}
        />
        <TextField
          id="consultation-due"
          type="date"
          label={t('consultations.fields.opinionDueOn')}
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
        {kind === 'court_investigation' && (
          <fieldset className="mb-3">
            <legend className="h6">{t('consultations.fields.courtRequest')}</legend>
            <SelectField
              id="consultation-authority"
              label={t('consultations.fields.authority')}
              options={REQUESTING_AUTHORITIES.map((v) => ({
                value: v,
                label: t(`consultations.authority.${v}`),
              }))}
              value={authority}
              error={err('courtRequest')}
              onChange={(e) => setAuthority(e.target.value as typeof authority)}
            />
            <TextField
              id="consultation-reference"
              label={t('consultations.fields.requestReference')}
              maxLength={maxLengthOf(ZCourtRequestSchema.shape.requestReference)}
              value={reference}
              error={err('courtRequest.requestReference')}
              onChange={(e) => setReference(e.target.value)}
            />
            <TextField
              id="consultation-request-date"
              type="date"
              label={t('consultations.fields.requestDate')}
              value={requestDate}
              error={err('courtRequest.requestDate')}
              onChange={(e) => setRequestDate(e.target.value)}
            />
            <CheckboxField
              id="consultation-covers"
              label={t('consultations.fields.coversTeamInvolvement')}
              hint={t('consultations.court.coversHint')}
              checked={covers}
              error={err('courtRequest.coversTeamInvolvement')}
              onChange={(e) => setCovers(e.target.checked)}
            />
          </fieldset>
        )}
        <FormActions>
          <button type="submit" className="btn btn-primary btn-sm" disabled={update.isPending}>
            {t('consultations.settings.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
