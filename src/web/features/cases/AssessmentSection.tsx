import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCareAssessment } from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDay } from '../../ui/format.js';
import { AssessmentCompare } from './AssessmentCompare.js';
import { AssessmentForm } from './AssessmentForm.js';
import { useAssessments } from './care-plan-api.js';
import { Prose } from './SavedNote.js';

/** A case member as people read them. */
export const personName = (data: TCase, id: string | null | undefined) => {
  const m = (data.members ?? []).find((p) => p.id === id);
  return m ? `${m.givenName} ${m.familyName}` : '—';
};

/**
 * The "Valutazione" tab: each child's dated assessments (start, middle, end), never overwritten;
 * a new one, and two side by side.
 */
export function AssessmentSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const query = useAssessments(data.id);
  const [mode, setMode] = useState<'list' | 'new' | 'compare'>('list');
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading" className="h4">
        {t('cases.tabs.assessment')}
      </h2>
      <p>{t('carePlan.assessment.intro')}</p>
      <AsyncContent query={query}>
        {(list) => (
          <>
            <div className="d-flex flex-wrap gap-2 mb-4">
              {list.canWrite && (
                <button type="button" className="btn btn-primary btn-sm" onClick={() => setMode('new')}>
                  {t('carePlan.assessment.new')}
                </button>
              )}
              {list.items.length > 1 && (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  onClick={() => setMode('compare')}
                >
                  {t('carePlan.assessment.compare')}
                </button>
              )}
            </div>
            {mode === 'new' && (
              <AssessmentForm data={data} items={list.items} onDone={() => setMode('list')} />
            )}
            {mode === 'compare' && (
              <AssessmentCompare data={data} items={list.items} onClose={() => setMode('list')} />
            )}
            {list.items.length === 0 ? (
              <p>{t('carePlan.assessment.empty')}</p>
            ) : (
              <AssessmentsByChild data={data} items={list.items} />
            )}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function AssessmentsByChild({ data, items }: { data: TCase; items: TCareAssessment[] }) {
  const children = [...new Set(items.map((a) => a.personId))];
  return (
    <>
      {children.map((child) => (
        <div key={child} className="mb-4">
          <h3 className="h5">{personName(data, child)}</h3>
          {items
            .filter((a) => a.personId === child)
            .map((a) => (
              <AssessmentCard key={a.id} assessment={a} items={items} />
            ))}
        </div>
      ))}
    </>
  );
}

function AssessmentCard({ assessment: a, items }: { assessment: TCareAssessment; items: TCareAssessment[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const correctedBy = items.find((x) => x.correctsId === a.id);
  return (
    <details className="card card-body mb-2">
      <summary>
        {formatDay(a.assessedOn, locale)} · {t(`carePlan.stage.${a.stage}`)} ·{' '}
        {t('carePlan.assessment.riskLevel')}: {t(`carePlan.risk.${a.riskLevel}`)}
        {correctedBy ? ` · ${t('carePlan.assessment.corrected')}` : ''}
      </summary>
      <p className="small text-muted">
        {t('carePlan.assessment.by', { name: a.authorName })}
        {a.correctsId ? ` · ${t('carePlan.assessment.isCorrection')}` : ''}
      </p>
      <AssessmentTexts assessment={a} />
    </details>
  );
}

/** The texts of one assessment, under their headings. */
export function AssessmentTexts({ assessment: a }: { assessment: TCareAssessment }) {
  const { t } = useTranslation();
  const blocks: [string, string | null][] = [
    [t('carePlan.dimension.child_needs'), a.childNeeds],
    [t('carePlan.dimension.parent_responses'), a.parentResponses],
    [t('carePlan.dimension.family_environment'), a.familyEnvironment],
    [t('carePlan.assessment.strengths'), a.strengths],
    [t('carePlan.assessment.risks'), a.risks],
    [t('carePlan.assessment.childVoice'), a.childVoice],
  ];
  return (
    <>
      <p>
        <strong>{t('carePlan.assessment.concerns')}:</strong>{' '}
        {a.concerns.length === 0
          ? t('carePlan.assessment.noConcerns')
          : a.concerns.map((c) => t(`carePlan.concern.${c}`)).join(', ')}
      </p>
      <p>
        <strong>{t('carePlan.assessment.assent')}:</strong> {t(`carePlan.assent.${a.childAssent}`)}
        {a.assentReason ? ` (${a.assentReason})` : ''}
      </p>
      {blocks.map(([label, text]) => (
        <div key={label}>
          <h4 className="h6">{label}</h4>
          <Prose text={text} />
        </div>
      ))}
    </>
  );
}
