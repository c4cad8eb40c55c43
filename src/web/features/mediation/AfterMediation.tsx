import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TRequest, type ZFeedbackLinkSchema, ZRatingInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useAssignmentFeedback } from './mediation-api.js';
import { type RatingValues, ratingToInput } from './request-form.js';

type Assignment = NonNullable<TRequest['assignment']>;
type FeedbackLink = ReturnType<typeof ZFeedbackLinkSchema.parse>;

const resolver = contractResolver<RatingValues>(ZRatingInputSchema, ratingToInput);
const { min: LOWEST = 1, max: HIGHEST = 5 } = rangeOf(ZRatingInputSchema.shape.rating);
const SCORES = Array.from({ length: HIGHEST - LOWEST + 1 }, (_, i) => String(LOWEST + i));
const PRINT_SHEET = 'feedback-print-sheet';

/** After the mediation: the requester rates it, and asks the person mediated for their view. */
export function AfterMediation({ requestId, assignment }: { requestId: string; assignment: Assignment }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="after-mediation" className="mb-4">
      <h2 id="after-mediation" className="h4">
        {t('mediation.after.title')}
      </h2>
      {assignment.rating === null ? (
        <RatingForm requestId={requestId} assignmentId={assignment.id} />
      ) : (
        <p>{t('mediation.after.rated', { rating: assignment.rating, of: HIGHEST })}</p>
      )}
      <FeedbackLinkPanel requestId={requestId} assignmentId={assignment.id} />
    </section>
  );
}

function RatingForm({ requestId, assignmentId }: { requestId: string; assignmentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { rate } = useAssignmentFeedback(assignmentId, requestId);
  const form = useForm<RatingValues>({ resolver, defaultValues: { rating: '', comment: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const body = ZRatingInputSchema.parse(ratingToInput(values));
      await rate.mutateAsync({ rating: body.rating, comment: body.comment ?? null });
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 mb-3">
      <h3 className="h5">{t('mediation.after.rateTitle')}</h3>
      {rate.error && Object.keys(errors).length === 0 ? <ActionProblem error={rate.error} /> : null}
      <Controller
        control={form.control}
        name="rating"
        render={({ field }) => (
          <RadioGroup
            id="mediation-rating"
            name="rating"
            legend={t('mediation.after.rating')}
            hint={t('mediation.after.ratingHint', { lowest: LOWEST, highest: HIGHEST })}
            required
            options={SCORES.map((s) => ({ value: s, label: s }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(
              t,
              errors.rating,
              errors.rating ? t('mediation.after.ratingMissing') : undefined,
            )}
          />
        )}
      />
      <TextAreaField
        id="mediation-rating-comment"
        label={t('mediation.after.comment')}
        rows={3}
        maxLength={maxLengthOf(ZRatingInputSchema.shape.comment)}
        error={fieldErrorText(t, errors.comment)}
        {...form.register('comment')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('mediation.after.rate')}
        </button>
      </FormActions>
    </form>
  );
}

/**
 * The link the person mediated answers three anonymous questions at, in their own language: a QR
 * to scan on the requester's device or on paper, the address itself, and a sheet to print.
 */
function FeedbackLinkPanel({ requestId, assignmentId }: { requestId: string; assignmentId: string }) {
  const { t } = useTranslation();
  const { link } = useAssignmentFeedback(assignmentId, requestId);
  return (
    <div className="card shadow-sm p-4">
      <h3 className="h5">{t('mediation.after.askTitle')}</h3>
      <p>{t('mediation.after.askIntro')}</p>
      {link.error ? <ActionProblem error={link.error} /> : null}
      {link.data ? (
        <FeedbackQr link={link.data} />
      ) : (
        <div>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={link.isPending}
            onClick={() => link.mutate()}
          >
            {t('mediation.after.ask')}
          </button>
        </div>
      )}
    </div>
  );
}

function FeedbackQr({ link }: { link: FeedbackLink }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const url = `${window.location.origin}${link.path}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      {/* Printed, the page shows only the sheet for the person: the QR and a line of instructions. */}
      <style>{`@media print { body * { visibility: hidden; } #${PRINT_SHEET}, #${PRINT_SHEET} * { visibility: visible; } #${PRINT_SHEET} { position: absolute; top: 0; left: 0; width: 100%; } }`}</style>
      <div id={PRINT_SHEET} className="text-center mb-3">
        {svg ? (
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={t('mediation.after.qrAlt')}
            className="img-fluid bg-white p-2 border mb-2"
            style={{ width: '100%', maxWidth: '20rem' }}
          />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
        <p className="mb-1">{t('mediation.after.qrCaption')}</p>
        <p className="small text-break mb-0">{url}</p>
      </div>
      <label htmlFor="feedback-url" className="fw-semibold d-block mb-1">
        {t('mediation.after.linkLabel')}
      </label>
      <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
        <input
          id="feedback-url"
          className="form-control flex-grow-1"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          style={{ minWidth: 0 }}
        />
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={copy}>
          {t('mediation.after.copy')}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => window.print()}>
          {t('mediation.after.print')}
        </button>
      </div>
      {copied && (
        <p className="small mb-1" role="status">
          {t('mediation.after.copied')}
        </p>
      )}
      <p className="small mb-0">
        {t('mediation.after.expires', { when: formatDateTime(link.expiresAt, locale) })}
      </p>
    </>
  );
}
