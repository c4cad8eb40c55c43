import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZVolunteerRateInputSchema } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { formatEuroCents } from '../community/community-words.js';
import { useRateSave, useVolunteerRate } from './fundraising-api.js';
import { euroToCents, MoneyField } from './MoneyField.js';

const REASON_MAX = maxLengthOf(ZVolunteerRateInputSchema.shape.reason);

/** The value of a volunteer hour in force; the coordinators change it, with the reason kept in the audit trail. */
export function RateSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rate = useVolunteerRate();
  const save = useRateSave();
  const [euro, setEuro] = useState('');
  const [reason, setReason] = useState('');
  return (
    <AsyncContent query={rate}>
      {(r) => (
        <section aria-labelledby="rate-heading">
          <h2 id="rate-heading" className="h4">
            {t('fundraising.rate.title')}
          </h2>
          <p>{t('fundraising.rate.current', { rate: formatEuroCents(r.volunteerHourCents, locale) })}</p>
          {r.canEdit && (
            <form
              noValidate
              className="row g-2 align-items-end"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ volunteerHourCents: euroToCents(euro) ?? 0, reason });
              }}
            >
              <MoneyField
                id="rate-euro"
                label={t('fundraising.rate.new')}
                value={euro}
                onChange={setEuro}
                required
                className="col-6 col-md-3"
              />
              <div className="col-12 col-md-4">
                <label htmlFor="rate-reason" className="form-label">
                  {t('fundraising.rate.reason')}
                </label>
                <input
                  type="text"
                  id="rate-reason"
                  className="form-control"
                  required
                  maxLength={REASON_MAX}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <div className="col-6 col-md-3">
                <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                  {t('fundraising.save')}
                </button>
              </div>
            </form>
          )}
          {save.isError && (
            <ProblemAlert
              error={save.error}
              fields={{
                volunteerHourCents: { label: t('fundraising.rate.new'), id: 'rate-euro' },
                reason: { label: t('fundraising.rate.reason'), id: 'rate-reason' },
              }}
              className="mt-2"
            />
          )}
        </section>
      )}
    </AsyncContent>
  );
}
