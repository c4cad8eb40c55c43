import { useTranslation } from 'react-i18next';
import { LEGACY_KINDS } from '../../../contracts/governance-codes.js';
import { type TLegacy, type TLegacyItem, ZLegacyInputSchema } from '../../../contracts/governance-plan.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ChangeForm, type FieldSpec, type FormValues, orNull } from './ChangeForm.js';
import { namedOptions } from './PlanEditForms.js';
import { usePlanWords } from './project-plan-words.js';

const shape = ZLegacyInputSchema.shape;

/**
 * What lasts, new (POST) or corrected whole (PUT): kind, title, description, owner, funding and,
 * for an adoption into the Piano di Zona, its Ambito and the decision that adopted it.
 */
export function LegacyForm({
  legacy,
  item,
  close,
}: {
  legacy: TLegacy;
  item?: TLegacyItem;
  close: () => void;
}) {
  const { t } = useTranslation();
  const words = usePlanWords();
  // The item's own decision stays choosable even when it is older than the list's 200.
  const decisions = [
    ...legacy.decisions.map((d) => ({ value: d.id, label: `${d.number} (${d.committee}) — ${d.text}` })),
    ...(item?.decision && !legacy.decisions.some((d) => d.id === item.decision?.id)
      ? [{ value: item.decision.id, label: `${item.decision.number} (${item.decision.committee})` }]
      : []),
  ];
  const fields: FieldSpec[] = [
    {
      name: 'kind',
      label: t('projectPlan.fields.kind'),
      type: 'select',
      options: LEGACY_KINDS.map((k) => ({ value: k, label: words.code('legacy', k) })),
    },
    {
      name: 'title',
      label: t('projectPlan.fields.title'),
      required: true,
      maxLength: maxLengthOf(shape.title),
    },
    {
      name: 'description',
      label: t('projectPlan.legacy.description'),
      type: 'textarea',
      maxLength: maxLengthOf(shape.description),
    },
    {
      name: 'ownerOrganisationId',
      label: t('projectPlan.legacy.owner'),
      type: 'select',
      options: namedOptions(legacy.organisations),
    },
    { name: 'funding', label: t('projectPlan.legacy.funding'), maxLength: maxLengthOf(shape.funding) },
    {
      name: 'districtId',
      label: t('projectPlan.legacy.district'),
      type: 'select',
      options: namedOptions(legacy.districts),
      hint: t('projectPlan.legacy.districtHint'),
    },
    {
      name: 'decisionId',
      label: t('projectPlan.legacy.decisionField'),
      type: 'select',
      options: [{ value: '', label: '—' }, ...decisions],
    },
    {
      name: 'recordedOn',
      label: t('projectPlan.legacy.recordedOn'),
      type: 'date',
      required: true,
    },
  ];
  const initial: FormValues = item
    ? {
        kind: item.kind,
        title: item.title,
        description: item.description ?? '',
        ownerOrganisationId: item.owner?.id ?? '',
        funding: item.funding ?? '',
        districtId: item.district?.id ?? '',
        decisionId: item.decision?.id ?? '',
        recordedOn: item.recordedOn,
      }
    : { kind: 'continuation', recordedOn: new Date().toISOString().slice(0, 10) };
  return (
    <ChangeForm
      id={item ? `legacy-edit-${item.id}` : 'legacy-new-form'}
      title={item ? t('projectPlan.legacy.edit', { title: item.title }) : t('projectPlan.legacy.add')}
      fields={fields}
      initial={initial}
      method={item ? 'PUT' : 'POST'}
      path={item ? `/api/governance/legacy/${encodeURIComponent(item.id)}` : '/api/governance/legacy'}
      toBody={(f) => ({
        kind: f.kind,
        title: f.title ?? '',
        description: orNull(f.description),
        ownerOrganisationId: orNull(f.ownerOrganisationId),
        funding: orNull(f.funding),
        districtId: orNull(f.districtId),
        decisionId: orNull(f.decisionId),
        recordedOn: f.recordedOn ?? '',
      })}
      onDone={close}
      onCancel={close}
    />
  );
}
