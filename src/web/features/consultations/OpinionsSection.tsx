import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TConsultation, type TOpinion, ZOpinionInputSchema } from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { useSession } from '../../session/session.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { opinionPdfUrl, useConsultationMutations } from './consultations-api.js';

/**
 * The written opinion's versions: the team drafts, the lead therapist approves (the version is then
 * frozen and delivered), everyone who reads it downloads it as a watermarked, audited PDF.
 */
export function OpinionsSection({
  consultation: k,
  editable,
}: {
  consultation: TConsultation;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { draft, approve } = useConsultationMutations(k.id);
  const openDraft = k.opinions.find((o) => o.status === 'draft');
  const isLead = session.user.id === k.leadUserId;
  return (
    <section aria-labelledby="consultation-opinions-heading" className="mb-5">
      <h2 id="consultation-opinions-heading" className="h4">
        {t('consultations.opinions.title')}
      </h2>
      {k.opinions.length === 0 && (
        <p>{t(k.access === 'requester' ? 'consultations.opinions.notYet' : 'consultations.opinions.none')}</p>
      )}
      {approve.error ? <ActionProblem error={approve.error} /> : null}
      {k.opinions.map((o) => (
        <article key={o.id} className="card card-body mb-3">
          <OpinionHead opinion={o} />
          <p className="text-pre-wrap">{o.text}</p>
          <div className="d-flex flex-wrap gap-2">
            <a className="btn btn-outline-secondary btn-sm" href={opinionPdfUrl(k.id, o.id)} download>
              {t('consultations.opinions.pdf')}
              <span className="visually-hidden">
                {' '}
                — {t('consultations.opinions.version', { version: o.version })}
              </span>
            </a>
            {editable && isLead && o.status === 'draft' && (
              <button
                type="button"
                className="btn btn-primary btn-sm"
                disabled={approve.isPending}
                onClick={() => approve.mutate({ opinionId: o.id })}
              >
                {t('consultations.opinions.approve')}
              </button>
            )}
          </div>
          {editable && o.status === 'draft' && <OpinionForm consultationId={k.id} opinion={o} />}
        </article>
      ))}
      {editable && !openDraft && <OpinionForm consultationId={k.id} pending={draft.isPending} />}
    </section>
  );
}

function OpinionHead({ opinion: o }: { opinion: TOpinion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <h3 className="h5">
      {t('consultations.opinions.version', { version: o.version })} —{' '}
      {t(`consultations.opinionStatus.${o.status}`)}
      <small className="d-block fw-normal">
        {t('consultations.opinions.writtenBy', {
          name: o.writtenBy,
          date: formatDateTime(o.createdAt, locale),
        })}
        {o.approvedBy
          ? ` · ${t('consultations.opinions.approvedBy', { name: o.approvedBy, date: formatDateTime(o.approvedAt, locale) })}`
          : ''}
      </small>
    </h3>
  );
}

function OpinionForm({
  consultationId,
  opinion,
}: {
  consultationId: string;
  opinion?: TOpinion;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { draft, edit } = useConsultationMutations(consultationId);
  const mutation = opinion ? edit : draft;
  const [text, setText] = useState(opinion?.text ?? '');
  const id = opinion ? `opinion-edit-${opinion.id}` : 'opinion-new';
  function save(event: FormEvent) {
    event.preventDefault();
    if (opinion) edit.mutate({ opinionId: opinion.id, body: { text } });
    else draft.mutate({ body: { text } }, { onSuccess: () => setText('') });
  }
  return (
    <form onSubmit={save} noValidate className="mt-3">
      {mutation.error && !serverFieldError(mutation.error, locale, 'text') ? (
        <ActionProblem error={mutation.error} />
      ) : null}
      <TextAreaField
        id={id}
        rows={6}
        label={opinion ? t('consultations.opinions.editDraft') : t('consultations.opinions.newVersion')}
        maxLength={maxLengthOf(ZOpinionInputSchema.shape.text)}
        value={text}
        error={serverFieldError(mutation.error, locale, 'text')}
        onChange={(e) => setText(e.target.value)}
      />
      <FormActions>
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={mutation.isPending}>
          {opinion ? t('consultations.opinions.saveDraft') : t('consultations.opinions.writeDraft')}
        </button>
      </FormActions>
    </form>
  );
}
