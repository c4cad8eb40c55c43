import { useTranslation } from 'react-i18next';
import { OBLIGATION_STATUSES, PARTNER_ROLES, WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import {
  type TPartner,
  ZContactInputSchema,
  ZObligationInputSchema,
} from '../../../contracts/governance-plan.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ChangeForm, type FieldSpec, orNull } from './ChangeForm.js';
import { usePlanChange } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';

type Contact = TPartner['contacts'][number];
type Obligation = TPartner['obligations'][number];
const enc = encodeURIComponent;
const base = (p: TPartner) => `/api/governance/partners/${enc(p.id)}`;

/** The partner's role in each work package ("none" leaves it out), replaced whole. */
export function RolesForm({ partner, close }: { partner: TPartner; close: () => void }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const fields: FieldSpec[] = WORK_PACKAGES.map((wp) => ({
    name: wp,
    label: words.workPackage(wp),
    type: 'select',
    options: [
      { value: '', label: t('projectPlan.partners.noRole') },
      ...PARTNER_ROLES.map((r) => ({ value: r, label: words.code('role', r) })),
    ],
  }));
  return (
    <ChangeForm
      id={`roles-${partner.id}`}
      title={t('projectPlan.partners.editRoles')}
      fields={fields}
      initial={Object.fromEntries(partner.roles.map((r) => [r.workPackage, r.role]))}
      method="PUT"
      path={`${base(partner)}/roles`}
      toBody={(f) => ({
        roles: WORK_PACKAGES.filter((wp) => f[wp]).map((wp) => ({ workPackage: wp, role: f[wp] })),
      })}
      onDone={close}
      onCancel={close}
    />
  );
}

/** A contact person, new (POST) or changed (PUT, replaced whole). */
export function ContactForm({
  partner,
  contact,
  close,
}: {
  partner: TPartner;
  contact?: Contact;
  close: () => void;
}) {
  const { t } = useTranslation();
  const shape = ZContactInputSchema.shape;
  const fields: FieldSpec[] = [
    {
      name: 'name',
      label: t('projectPlan.partners.contactName'),
      required: true,
      maxLength: maxLengthOf(shape.name),
    },
    { name: 'position', label: t('projectPlan.partners.position'), maxLength: maxLengthOf(shape.position) },
    { name: 'email', label: t('projectPlan.partners.email'), type: 'email' },
    { name: 'phone', label: t('projectPlan.partners.phone'), type: 'tel' },
  ];
  return (
    <ChangeForm
      id={contact ? `contact-${contact.id}` : 'contact-new-form'}
      title={
        contact
          ? t('projectPlan.partners.editContact', { name: contact.name })
          : t('projectPlan.partners.addContact')
      }
      fields={fields}
      initial={{
        name: contact?.name ?? '',
        position: contact?.position ?? '',
        email: contact?.email ?? '',
        phone: contact?.phone ?? '',
      }}
      method={contact ? 'PUT' : 'POST'}
      path={contact ? `${base(partner)}/contacts/${enc(contact.id)}` : `${base(partner)}/contacts`}
      toBody={(f) => ({
        name: f.name ?? '',
        position: orNull(f.position),
        email: orNull(f.email),
        phone: orNull(f.phone),
      })}
      onDone={close}
      onCancel={close}
    />
  );
}

/** An obligation of the agreement, new (POST) or changed (PATCH, with its status). */
export function ObligationForm({
  partner,
  obligation,
  close,
}: {
  partner: TPartner;
  obligation?: Obligation;
  close: () => void;
}) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const fields: FieldSpec[] = [
    {
      name: 'text',
      label: t('projectPlan.partners.obligation'),
      type: 'textarea',
      required: true,
      maxLength: maxLengthOf(ZObligationInputSchema.shape.text),
    },
    { name: 'dueOn', label: t('projectPlan.fields.dueOn'), type: 'date' },
    {
      name: 'status',
      label: t('projectPlan.fields.status'),
      type: 'select',
      options: OBLIGATION_STATUSES.map((s) => ({ value: s, label: words.code('obligation', s) })),
    },
  ];
  return (
    <ChangeForm
      id={obligation ? `obligation-${obligation.id}` : 'obligation-new-form'}
      title={obligation ? t('projectPlan.partners.editObligation') : t('projectPlan.partners.addObligation')}
      fields={fields}
      initial={{
        text: obligation?.text ?? '',
        dueOn: obligation?.dueOn ?? '',
        status: obligation?.status ?? 'open',
      }}
      method={obligation ? 'PATCH' : 'POST'}
      path={
        obligation ? `${base(partner)}/obligations/${enc(obligation.id)}` : `${base(partner)}/obligations`
      }
      toBody={(f) => ({ text: f.text ?? '', dueOn: orNull(f.dueOn), status: f.status })}
      onDone={close}
      onCancel={close}
    />
  );
}

/** One click to record an open obligation as met. */
export function MarkMet({ partner, obligation }: { partner: TPartner; obligation: Obligation }) {
  const { t } = useTranslation();
  const change = usePlanChange();
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-success btn-sm"
        disabled={change.isPending}
        aria-label={`${t('projectPlan.partners.markMet')}: ${obligation.text.slice(0, 80)}`}
        onClick={() =>
          change.mutate({
            method: 'PATCH',
            path: `${base(partner)}/obligations/${enc(obligation.id)}`,
            body: { status: 'met' },
          })
        }
      >
        {t('projectPlan.partners.markMet')}
      </button>
      {change.error ? <ProblemAlert error={change.error} className="mt-2" /> : null}
    </>
  );
}
