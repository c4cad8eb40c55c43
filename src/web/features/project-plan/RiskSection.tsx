import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RISK_KINDS,
  RISK_LEVELS,
  RISK_STATUSES,
  WORK_PACKAGES,
} from '../../../contracts/governance-codes.js';
import { type TPlan, type TRisk, ZRiskInputSchema } from '../../../contracts/governance-plan.js';
import { DataTable } from '../../ui/DataTable.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ChangeForm, type FieldSpec, OpenButton, Opener, orNull } from './ChangeForm.js';
import { usePlanWords } from './project-plan-words.js';

/** The risk's fields; a new one also chooses its kind and work package (fixed afterwards). */
function useRiskFields(plan: TPlan, isNew: boolean): FieldSpec[] {
  const { t } = useTranslation();
  const words = usePlanWords();
  const coded = (group: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: words.code(group, c) }));
  const fixed: FieldSpec[] = [
    {
      name: 'kind',
      label: t('projectPlan.fields.kind'),
      type: 'select',
      options: coded('riskKind', RISK_KINDS),
    },
    {
      name: 'workPackage',
      label: t('projectPlan.fields.workPackage'),
      type: 'select',
      options: [
        { value: '', label: t('projectPlan.forms.wholeProject') },
        ...WORK_PACKAGES.map((wp) => ({ value: wp, label: words.workPackage(wp) })),
      ],
    },
  ];
  return [
    ...(isNew ? fixed : []),
    {
      name: 'title',
      label: t('projectPlan.fields.title'),
      required: true,
      maxLength: maxLengthOf(ZRiskInputSchema.shape.title),
    },
    {
      name: 'likelihood',
      label: t('projectPlan.fields.likelihood'),
      type: 'select',
      options: coded('level', RISK_LEVELS),
    },
    {
      name: 'impact',
      label: t('projectPlan.fields.impact'),
      type: 'select',
      options: coded('level', RISK_LEVELS),
    },
    {
      name: 'mitigation',
      label: t('projectPlan.fields.mitigation'),
      type: 'textarea',
      required: true,
      maxLength: maxLengthOf(ZRiskInputSchema.shape.mitigation),
    },
    {
      name: 'ownerId',
      label: t('projectPlan.fields.owner'),
      type: 'select',
      options: [{ value: '', label: '—' }, ...plan.owners.map((o) => ({ value: o.id, label: o.name }))],
    },
    {
      name: 'status',
      label: t('projectPlan.fields.status'),
      type: 'select',
      options: coded('riskStatus', RISK_STATUSES),
    },
  ];
}

const common = (f: Record<string, string>) => ({
  title: f.title,
  likelihood: f.likelihood,
  impact: f.impact,
  mitigation: f.mitigation ?? '',
  ownerId: orNull(f.ownerId),
  status: f.status,
});

/** A new risk or issue, of a work package or of the whole project. */
export function NewRisk({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const fields = useRiskFields(plan, true);
  return (
    <Opener id="risk-new" label={t('projectPlan.forms.newRisk')}>
      {(close) => (
        <ChangeForm
          id="risk-new-form"
          title={t('projectPlan.forms.newRisk')}
          fields={fields}
          initial={{ kind: 'risk', workPackage: '', likelihood: 'medium', impact: 'medium', status: 'open' }}
          method="POST"
          path="/api/governance/plan/risks"
          toBody={(f) => ({ ...common(f), kind: f.kind, workPackage: orNull(f.workPackage) })}
          onDone={close}
          onCancel={close}
        />
      )}
    </Opener>
  );
}

function RiskEdit({ risk, plan, close }: { risk: TRisk; plan: TPlan; close: () => void }) {
  const { t } = useTranslation();
  const fields = useRiskFields(plan, false);
  return (
    <ChangeForm
      id={`risk-edit-${risk.id}`}
      title={t('projectPlan.forms.editRisk', { title: risk.title })}
      fields={fields}
      initial={{
        title: risk.title,
        likelihood: risk.likelihood,
        impact: risk.impact,
        mitigation: risk.mitigation,
        ownerId: risk.owner?.id ?? '',
        status: risk.status,
      }}
      method="PATCH"
      path={`/api/governance/plan/risks/${encodeURIComponent(risk.id)}`}
      toBody={common}
      onDone={close}
      onCancel={close}
    />
  );
}

/** Risks and issues; a coordinator opens a row's form below it. */
export function RiskTable({ risks, caption, plan }: { risks: TRisk[]; caption: string; plan: TPlan }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  // The form opens below the table: a row of its own would stack as a card on a phone.
  const [editing, setEditing] = useState<string | null>(null);
  const editorId = useId();
  const current = risks.find((x) => x.id === editing);
  if (risks.length === 0) return null;
  return (
    <>
      <DataTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t('projectPlan.fields.title')}</th>
            <th scope="col">{t('projectPlan.fields.kind')}</th>
            <th scope="col">{t('projectPlan.fields.likelihood')}</th>
            <th scope="col">{t('projectPlan.fields.impact')}</th>
            <th scope="col">{t('projectPlan.fields.mitigation')}</th>
            <th scope="col">{t('projectPlan.fields.owner')}</th>
            <th scope="col">{t('projectPlan.fields.status')}</th>
            {plan.canEdit && <th scope="col">{t('projectPlan.forms.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.title}</th>
              <td>{words.code('riskKind', r.kind)}</td>
              <td>{words.code('level', r.likelihood)}</td>
              <td>{words.code('level', r.impact)}</td>
              <td>{r.mitigation}</td>
              <td>{r.owner?.name ?? '—'}</td>
              <td>{words.code('riskStatus', r.status)}</td>
              {plan.canEdit && (
                <td>
                  <OpenButton
                    label={t('projectPlan.forms.edit')}
                    about={r.title}
                    open={editing === r.id}
                    controls={editorId}
                    onClick={() => setEditing(editing === r.id ? null : r.id)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div id={editorId}>
        {current ? (
          <RiskEdit key={current.id} risk={current} plan={plan} close={() => setEditing(null)} />
        ) : null}
      </div>
    </>
  );
}
