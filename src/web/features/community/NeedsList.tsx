import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZNeedSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { formatDay } from '../../ui/format.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';
import { AnswerForm } from './NeedForms.js';

type Need = z.output<typeof ZNeedSchema>;

/**
 * Needs as a list of short cards, the question and what was answered one under the other (they are
 * sentences, not table cells). `showHolder` names the holder (the list of all needs); `canAnswer`
 * offers the answer form on needs still open.
 */
export function NeedsList({
  needs,
  headingLevel,
  showHolder,
  canAnswer,
}: {
  needs: Need[];
  headingLevel: 'h3' | 'h2';
  showHolder: boolean;
  canAnswer: boolean;
}) {
  return (
    <ul className="list-unstyled">
      {needs.map((need) => (
        <li key={need.id} className="mb-3">
          <NeedCard need={need} headingLevel={headingLevel} showHolder={showHolder} canAnswer={canAnswer} />
        </li>
      ))}
    </ul>
  );
}

function NeedCard({
  need,
  headingLevel: Heading,
  showHolder,
  canAnswer,
}: {
  need: Need;
  headingLevel: 'h3' | 'h2';
  showHolder: boolean;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const [answering, setAnswering] = useState(false);
  const topic = words.needTopic(need.topic);
  const headingId = `need-${need.id}`;

  return (
    <article className="card shadow-sm p-3" aria-labelledby={headingId}>
      <Heading id={headingId} className="h5 mb-1">
        {topic}
      </Heading>
      <p className="small mb-2">
        {t('community.need.meta', {
          community: need.community
            ? reference.countryName(need.community)
            : t('community.need.anyCommunity'),
          source: words.word('needSource', need.source),
          date: formatDay(need.recordedOn, locale),
        })}
        {showHolder && (
          <>
            {' · '}
            <Link to="/community/holders/$holderId" params={{ holderId: need.holderId }}>
              {need.holderName}
            </Link>
          </>
        )}
      </p>
      <p className="mb-2" style={{ whiteSpace: 'pre-wrap' }}>
        <strong>{t('community.need.asked')}</strong> {need.question}
      </p>
      {need.answer ? (
        <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('community.need.answeredOnDate', { date: formatDay(need.answeredOn, locale) })}</strong>{' '}
          {need.answer}
        </p>
      ) : (
        <p className="mb-0">
          <span className="badge bg-warning">{t('community.need.open')}</span>
          {canAnswer && !answering && (
            <button
              type="button"
              className="btn btn-outline-primary btn-xs ms-2"
              aria-label={t('community.need.answerButton', { topic })}
              onClick={() => setAnswering(true)}
            >
              {t('community.need.answerAction')}
            </button>
          )}
        </p>
      )}
      {answering && <AnswerForm needId={need.id} topic={topic} onDone={() => setAnswering(false)} />}
    </article>
  );
}
