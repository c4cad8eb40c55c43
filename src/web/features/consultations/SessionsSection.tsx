import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConsultation } from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay } from '../../ui/format.js';
import { SessionForm } from './SessionForm.js';

/** The sessions as they happened, with who sat in the circle in which role (team and supervisor only). */
export function SessionsSection({
  consultation: k,
  editable,
}: {
  consultation: TConsultation;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="consultation-sessions-heading" className="mb-5">
      <h2 id="consultation-sessions-heading" className="h4">
        {t('consultations.sessions.title')}
      </h2>
      {(k.sessions ?? []).length === 0 && <p>{t('consultations.sessions.none')}</p>}
      {(k.sessions ?? []).map((s) => (
        <article key={s.id} className="card card-body mb-3">
          <h3 className="h5">
            {t('consultations.sessions.heading', {
              date: formatDay(s.heldOn, locale),
              minutes: s.durationMinutes,
            })}
          </h3>
          <Facts>
            <Fact label={t('consultations.sessions.place')}>{s.place}</Fact>
            <Fact label={t('consultations.sessions.familyExplanation')}>{s.familyExplanation}</Fact>
            <Fact label={t('consultations.sessions.hypotheses')}>{s.hypotheses}</Fact>
            <Fact label={t('consultations.sessions.feedback')}>{s.feedback}</Fact>
            <Fact label={t('consultations.sessions.nextAppointmentOn')}>
              {s.nextAppointmentOn ? formatDay(s.nextAppointmentOn, locale) : null}
            </Fact>
          </Facts>
          <h4 className="h6">{t('consultations.sessions.attendance')}</h4>
          <ul className="mb-0">
            {s.attendees.map((a, i) => (
              // Attendees have no id of their own: their order is the record's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={i}>
                {a.name} — {t(`consultations.role.${a.role}`)}
                {a.profession ? `, ${t(`consultations.profession.${a.profession}`)}` : ''}
                {a.language ? `, ${a.language}` : ''}
                {a.professionalRole ? `, ${a.professionalRole}` : ''}
                {a.organisation ? ` (${a.organisation})` : ''}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {editable &&
        (adding ? (
          <SessionForm consultation={k} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('consultations.sessions.add')}
          </button>
        ))}
    </section>
  );
}
