import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TJobPlacement, TPlan } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay, formatNumber } from '../../ui/format.js';
import { NEXT_PLACEMENT_STATUS } from './jobs-forms.js';
import { useJobWords } from './jobs-words.js';
import { FollowUpForm, PlacementForm, PlacementStatusForm } from './PlacementForms.js';
import { PlanSection, planWritable } from './PlanSection.js';

type Editor =
  | { kind: 'add' }
  | { kind: 'status'; placement: TJobPlacement }
  | {
      kind: 'follow-up';
      placement: TJobPlacement;
      months: 6 | 12;
    };

/**
 * The plan's job placements (issue 20, item 3): with an employer or social enterprise of the
 * registry, of a kind (tirocinio, fixed-term, open-ended), from a start, for some hours a week and
 * a pay band, with the employer's tutor; proposed, then active or not started, then ended; and
 * where the person stands 6 and 12 months after it began, asked for once that time has come.
 */
export function PlanPlacementsSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState('');
  const open = (next: Editor) => {
    setNotice('');
    setEditor(next);
  };
  const done = (text: string) => (saved: boolean) => {
    setEditor(null);
    setNotice(saved ? text : '');
  };
  const due = plan.placements.flatMap((p) => p.followUpsDue.map((months) => ({ placement: p, months })));

  return (
    <PlanSection
      id="plan-placements"
      title={t('autonomyJobs.placements.title')}
      action={planWritable(plan) && editor?.kind !== 'add' && t('autonomyJobs.placements.add')}
      onAction={() => open({ kind: 'add' })}
      notice={notice}
    >
      {due.length > 0 && (
        <div className="alert alert-warning" role="note">
          <p className="mb-1 fw-semibold">{t('autonomyJobs.placements.dueTitle')}</p>
          <ul className="mb-0">
            {due.map(({ placement, months }) => (
              <li key={`${placement.id}-${months}`}>
                {t('autonomyJobs.placements.dueItem', { months, employer: placement.employer.name })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editor?.kind === 'add' && (
        <EditorCard id="plan-placement-add" title={t('autonomyJobs.placements.add')}>
          <PlacementForm planId={plan.id} onDone={done(t('autonomyJobs.placements.added'))} />
        </EditorCard>
      )}
      {plan.placements.length === 0 ? (
        <p>{t('autonomyJobs.placements.none')}</p>
      ) : (
        plan.placements.map((p) => (
          <PlacementCard
            key={p.id}
            placement={p}
            canWrite={plan.canWrite}
            editor={editor}
            onEdit={open}
            onDone={done}
          />
        ))
      )}
    </PlanSection>
  );
}

function PlacementCard({
  placement: p,
  canWrite,
  editor,
  onEdit,
  onDone,
}: {
  placement: TJobPlacement;
  canWrite: boolean;
  editor: Editor | null;
  onEdit: (editor: Editor) => void;
  onDone: (text: string) => (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useJobWords();
  const headingId = `placement-${p.id}-heading`;
  const moves = NEXT_PLACEMENT_STATUS[p.status];
  const mine = editor && editor.kind !== 'add' && editor.placement.id === p.id ? editor : null;

  return (
    <article className="card shadow-sm p-3 mb-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="h5">
        {p.employer.name}
        <span className="badge bg-secondary ms-2">{words.word('placementStatus', p.status)}</span>
      </h3>
      <Facts>
        <Fact label={t('autonomyJobs.placements.kind')}>{words.word('placementKind', p.kind)}</Fact>
        {p.initiative && <Fact label={t('autonomyJobs.placements.initiative')}>{p.initiative.name}</Fact>}
        <Fact label={t('autonomyJobs.placements.period')}>
          {p.endsOn
            ? t('autonomyJobs.placements.fromTo', {
                from: formatDay(p.startsOn, locale),
                to: formatDay(p.endsOn, locale),
              })
            : t('autonomyJobs.placements.from', { from: formatDay(p.startsOn, locale) })}
        </Fact>
        <Fact label={t('autonomyJobs.placements.hoursPerWeek')}>
          {t('autonomyJobs.placements.hours', { hours: formatNumber(p.hoursPerWeek, locale) })}
        </Fact>
        <Fact label={t('autonomyJobs.placements.wageBand')}>{words.word('wageBand', p.wageBand)}</Fact>
        <Fact label={t('autonomyJobs.placements.employerTutor')}>{p.employerTutorName ?? '—'}</Fact>
        {p.endNote && <Fact label={t('autonomyJobs.placements.endNote')}>{p.endNote}</Fact>}
        <Fact label={t('autonomyJobs.placements.followUps')}>
          {p.followUps.length === 0 ? (
            t('autonomyJobs.placements.noFollowUps')
          ) : (
            <ul className="list-unstyled mb-0">
              {p.followUps.map((f) => (
                <li key={f.months}>
                  {t('autonomyJobs.placements.followUpLine', {
                    months: f.months,
                    outcome: words.word('followUpOutcome', f.outcome),
                    date: formatDay(f.recordedOn, locale),
                  })}
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </Facts>
      {canWrite && (
        <div className="d-flex flex-wrap gap-2">
          {moves.length > 0 && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-label={t('autonomyJobs.placements.changeStatusNamed', { employer: p.employer.name })}
              onClick={() => onEdit({ kind: 'status', placement: p })}
            >
              {t('autonomyJobs.placements.changeStatus')}
            </button>
          )}
          {[...new Set([...p.followUpsDue, ...p.followUps.map((f) => f.months)])]
            .sort((a, b) => a - b)
            .map((months) => (
              <button
                key={months}
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-label={t('autonomyJobs.placements.recordFollowUpNamed', {
                  months,
                  employer: p.employer.name,
                })}
                onClick={() => onEdit({ kind: 'follow-up', placement: p, months: months === 6 ? 6 : 12 })}
              >
                {t('autonomyJobs.placements.recordFollowUp', { months })}
              </button>
            ))}
        </div>
      )}
      {mine?.kind === 'status' && (
        <EditorCard id={`placement-${p.id}-status`} title={t('autonomyJobs.placements.changeStatusTitle')}>
          <PlacementStatusForm placement={p} onDone={onDone(t('autonomyJobs.placements.statusSaved'))} />
        </EditorCard>
      )}
      {mine?.kind === 'follow-up' && (
        <EditorCard
          id={`placement-${p.id}-follow-up`}
          title={t('autonomyJobs.placements.followUpTitle', { months: mine.months })}
        >
          <FollowUpForm
            key={mine.months}
            placement={p}
            months={mine.months}
            onDone={onDone(t('autonomyJobs.placements.followUpSaved'))}
          />
        </EditorCard>
      )}
    </article>
  );
}
