import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMediatorJob } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatNumber } from '../../ui/format.js';
import { phoneIn, splitMinutes, whenLabel } from './job-sections.js';
import { useLanguageNames } from './mediation-mine-api.js';

/** Words for what a job carries as codes and numbers: its language, its length, its time. */
export function useJobWords() {
  const { t } = useTranslation();
  const locale = useLocale();
  const languages = useLanguageNames();
  const languageName = (code: string) => {
    const known = languages.data?.find((l) => l.code === code);
    let name = known ? (locale === 'en' ? known.nameEn : known.nameIt) : undefined;
    // Until the list arrives (or for a code it lacks), the browser's own name for the language.
    name ??= new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : t('mediationMine.job.language');
  };
  const duration = (minutes: number) => {
    const { hours, minutes: rest } = splitMinutes(minutes);
    if (hours === 0) return t('mediationMine.duration.m', { minutes: rest });
    if (rest === 0) return t('mediationMine.duration.h', { hours });
    return t('mediationMine.duration.hm', { hours, minutes: rest });
  };
  return {
    language: (job: TMediatorJob) =>
      job.dialect
        ? t('mediationMine.job.languageWithDialect', {
            language: languageName(job.language),
            dialect: job.dialect,
          })
        : languageName(job.language),
    duration,
    when: (job: TMediatorJob) => whenLabel(job.startsAt, job.durationMinutes, locale),
    logged: (job: TMediatorJob) => {
      const mediation = duration(job.actualMinutes ?? 0);
      if (!job.travelMinutes && !job.travelKm)
        return t('mediationMine.job.loggedValue', { duration: mediation });
      return t('mediationMine.job.loggedTravel', {
        duration: mediation,
        travel: duration(job.travelMinutes ?? 0),
        km: formatNumber(job.travelKm ?? 0, locale),
      });
    },
  };
}

/** The card's heading (its time), which also describes the card's buttons ("Confermo" which one). */
export const jobHeadingId = (job: Pick<TMediatorJob, 'kind' | 'id'>) => `job-${job.kind}-${job.id}`;

/**
 * One offer or assignment as a card a phone shows whole: the time as its heading, then language
 * and purpose, where, who asked and how to reach them. Only what the server sent: an offer has
 * no place and no contact until it is accepted.
 */
export function JobCard({ job, children }: { job: TMediatorJob; children?: ReactNode }) {
  const { t } = useTranslation();
  const words = useJobWords();
  const headingId = jobHeadingId(job);
  const phone = phoneIn(job.requesterContact);
  const logged = job.status === 'completed' || job.status === 'no_show';
  return (
    <article className="card shadow-sm mb-3" aria-labelledby={headingId}>
      <div className="card-body p-3">
        <h3 id={headingId} className="h5 mb-1">
          {words.when(job)}
        </h3>
        <p className="fw-semibold mb-3">
          {words.language(job)} · {t(`mediationWords.purpose.${job.purpose}`)}
        </p>
        <Facts>
          <Fact label={t('mediationMine.job.mode')}>{t(`mediationWords.mode.${job.mode}`)}</Fact>
          {!logged && (
            <Fact label={t('mediationMine.job.duration')}>{words.duration(job.durationMinutes)}</Fact>
          )}
          {job.municipalityName && (
            <Fact label={t('mediationMine.job.municipality')}>{job.municipalityName}</Fact>
          )}
          {job.mode === 'in_person' && (job.place || job.kind === 'offer') && (
            <Fact label={t('mediationMine.job.place')}>{job.place ?? t('mediationMine.job.placeLater')}</Fact>
          )}
          <Fact label={t('mediationMine.job.requester')}>
            {t('mediationMine.job.requesterOf', { name: job.requesterName, service: job.serviceName })}
          </Fact>
          {job.requesterContact && (
            <Fact label={t('mediationMine.job.contact')}>
              <span className="d-block">{job.requesterContact}</span>
              {phone && (
                <a className="btn btn-outline-primary btn-sm mt-2" href={phone.href}>
                  {t('mediationMine.job.call', { number: phone.number })}
                </a>
              )}
            </Fact>
          )}
          {logged && (
            <>
              <Fact label={t('mediationMine.job.status')}>
                {t(`mediationWords.assignmentStatus.${job.status}`)}
              </Fact>
              <Fact label={t('mediationMine.job.logged')}>{words.logged(job)}</Fact>
            </>
          )}
        </Facts>
        {children}
      </div>
    </article>
  );
}
