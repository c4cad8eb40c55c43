import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type THandover, ZHandoverProposalSchema } from '../../../contracts/case-documents.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { CheckboxField, FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useHandoverActions, useHandovers } from './CaseDocumentApi.js';
import { useStaff } from './cases-api.js';

type Values = { toUserId: string; note: string; stayAsMember: boolean };
const toInput = (v: Values) => ({
  toUserId: v.toUserId,
  stayAsMember: v.stayAsMember,
  ...(v.note.trim() ? { note: v.note } : {}),
});
const resolver = contractResolver<Values>(ZHandoverProposalSchema, toInput);

/** Hand-over of the case (issue 22, item 7): proposed by the lead, answered by the colleague named. */
export function HandoverSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const handovers = useHandovers(data.id);
  const [proposing, setProposing] = useState(false);
  return (
    <section className="mt-4" aria-labelledby="handover-heading">
      <h3 id="handover-heading" className="h5">
        {t('caseDocuments.handover.title')}
      </h3>
      <AsyncContent query={handovers}>
        {(list) => (
          <>
            {list.length === 0 ? (
              <p>{t('caseDocuments.handover.none')}</p>
            ) : (
              <ul className="list-unstyled">
                {list.map((h) => (
                  <HandoverItem key={h.id} caseId={data.id} handover={h} />
                ))}
              </ul>
            )}
            {data.can.lead &&
              !list.some((h) => h.status === 'proposed') &&
              (proposing ? (
                <HandoverForm data={data} onDone={() => setProposing(false)} />
              ) : (
                <button type="button" className="btn btn-outline-primary" onClick={() => setProposing(true)}>
                  {t('caseDocuments.handover.propose')}
                </button>
              ))}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

/** One hand-over in words, with what the viewer may do with it. */
export function HandoverItem({ caseId, handover: h }: { caseId: string; handover: THandover }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actions = useHandoverActions(caseId);
  const error = actions.answer.error ?? actions.withdraw.error;
  return (
    <li className="mb-3">
      <p className="mb-1">
        {t('caseDocuments.handover.summary', {
          from: h.fromName,
          to: h.toName,
          date: formatDateTime(h.proposedAt, locale),
        })}{' '}
        <strong>{t(`caseDocuments.handover.statuses.${h.status}`)}</strong>
      </p>
      <p className="small mb-1">
        {h.stayAsMember ? t('caseDocuments.handover.staysMember') : t('caseDocuments.handover.leaves')}
      </p>
      {h.note && <p className="small mb-1">«{h.note}»</p>}
      <div className="d-flex flex-wrap gap-2">
        {h.canAnswer && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={actions.answer.isPending}
              onClick={() => actions.answer.mutate({ handoverId: h.id, answer: 'accept' })}
            >
              {t('caseDocuments.handover.accept')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              disabled={actions.answer.isPending}
              onClick={() => actions.answer.mutate({ handoverId: h.id, answer: 'decline' })}
            >
              {t('caseDocuments.handover.decline')}
            </button>
          </>
        )}
        {h.canWithdraw && (
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            disabled={actions.withdraw.isPending}
            onClick={() => actions.withdraw.mutate(h.id)}
          >
            {t('caseDocuments.handover.withdraw')}
          </button>
        )}
      </div>
      {error ? <ActionProblem error={error} /> : null}
    </li>
  );
}

function HandoverForm({ data, onDone }: { data: TCase; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const staff = useStaff({ caseId: data.id });
  const { propose } = useHandoverActions(data.id);
  const form = useForm<Values>({ resolver, defaultValues: { toUserId: '', note: '', stayAsMember: true } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await propose.mutateAsync(ZHandoverProposalSchema.parse(toInput(values)));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <AsyncContent query={staff}>
      {(list) => {
        const colleagues = list.filter(
          (s) => s.id !== session.user.id && (s.role === 'clinician' || s.role === 'practitioner'),
        );
        return (
          <form onSubmit={onSubmit} noValidate>
            {propose.error && Object.keys(errors).length === 0 ? (
              <ActionProblem error={propose.error} />
            ) : null}
            <SelectField
              id="handover-colleague"
              label={t('caseDocuments.handover.colleague')}
              placeholder={t('common.choose')}
              options={colleagues.map((s) => ({ value: s.id, label: s.displayName }))}
              required
              error={fieldErrorText(t, errors.toUserId)}
              {...form.register('toUserId')}
            />
            <TextAreaField
              id="handover-note"
              label={t('caseDocuments.handover.note')}
              maxLength={maxLengthOf(ZHandoverProposalSchema.shape.note)}
              error={fieldErrorText(t, errors.note)}
              {...form.register('note')}
            />
            <CheckboxField
              id="handover-stay"
              className=""
              label={t('caseDocuments.handover.stayAsMember')}
              {...form.register('stayAsMember')}
            />
            <FormActions>
              <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
                {t('caseDocuments.handover.submit')}
              </button>
              <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
                {t('common.cancel')}
              </button>
            </FormActions>
          </form>
        );
      }}
    </AsyncContent>
  );
}
