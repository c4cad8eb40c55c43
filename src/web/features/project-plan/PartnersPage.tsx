import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPartner } from '../../../contracts/governance-plan.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Opener } from './ChangeForm.js';
import { ContactForm, MarkMet, ObligationForm, RolesForm } from './PartnerForms.js';
import { usePartner, usePartners } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';

/** The network's organisations with their roles in the work packages. */
export function PartnersPage() {
  const { t } = useTranslation();
  const words = usePlanWords();
  const partners = usePartners();
  const roles = (r: TPartner['roles']) =>
    r.map((x) => `${words.workPackage(x.workPackage)} (${words.code('role', x.role)})`).join('; ') || '—';
  return (
    <>
      <PageHeading title={t('projectPlan.partners.title')} />
      <AsyncContent query={partners}>
        {(data) => (
          <DataTable caption={t('projectPlan.partners.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('projectPlan.partners.name')}</th>
                <th scope="col">{t('projectPlan.partners.roles')}</th>
                <th scope="col">{t('projectPlan.partners.openObligations')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to="/governance/partners/$partnerId" params={{ partnerId: p.id }}>
                      {p.name}
                    </Link>
                  </th>
                  <td>{roles(p.roles)}</td>
                  <td>{p.openObligations}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </AsyncContent>
    </>
  );
}

/**
 * A partner: roles, contacts (their reading is audited) and the agreement's obligations; a
 * coordinator sets the roles, adds and changes contacts and obligations, marks obligations met.
 */
export function PartnerPage({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = usePlanWords();
  const partner = usePartner(partnerId);
  return (
    <>
      <p>
        <Link to="/governance/partners">{t('projectPlan.partners.back')}</Link>
      </p>
      <AsyncContent query={partner}>
        {(p) => (
          <>
            <PageHeading title={p.name} />
            <h2>{t('projectPlan.partners.roles')}</h2>
            {p.canEdit && (
              <Opener id="roles-open" label={t('projectPlan.partners.editRoles')}>
                {(close) => <RolesForm partner={p} close={close} />}
              </Opener>
            )}
            {p.roles.length === 0 ? (
              <p>{t('projectPlan.plan.none')}</p>
            ) : (
              <ul>
                {p.roles.map((r) => (
                  <li
                    key={r.workPackage}
                  >{`${words.workPackage(r.workPackage)}: ${words.code('role', r.role)}`}</li>
                ))}
              </ul>
            )}
            <h2 className="mt-4">{t('projectPlan.partners.contacts')}</h2>
            {p.canEdit && (
              <Opener id="contact-new" label={t('projectPlan.partners.addContact')}>
                {(close) => <ContactForm partner={p} close={close} />}
              </Opener>
            )}
            {p.contacts.length === 0 ? (
              <p>{t('projectPlan.plan.none')}</p>
            ) : (
              <ul className="list-unstyled">
                {p.contacts.map((c) => (
                  <li key={c.id} className="card card-body mb-2">
                    <h3 className="h6">{c.name}</h3>
                    {c.position && <p className="mb-1">{c.position}</p>}
                    {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                    {c.phone && <span>{` · ${c.phone}`}</span>}
                    {p.canEdit && (
                      <div className="mt-2">
                        <Opener
                          id={`contact-open-${c.id}`}
                          label={t('projectPlan.forms.edit')}
                          about={c.name}
                        >
                          {(close) => <ContactForm partner={p} contact={c} close={close} />}
                        </Opener>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <h2 className="mt-4">{t('projectPlan.partners.obligations')}</h2>
            {p.canEdit && (
              <Opener id="obligation-new" label={t('projectPlan.partners.addObligation')}>
                {(close) => <ObligationForm partner={p} close={close} />}
              </Opener>
            )}
            {p.obligations.length === 0 ? (
              <p>{t('projectPlan.plan.none')}</p>
            ) : (
              <ul>
                {p.obligations.map((o) => (
                  <li key={o.id} className="mb-2">
                    {o.text}
                    {o.dueOn ? ` — ${t('projectPlan.plan.due', { date: formatDay(o.dueOn, locale) })}` : ''}
                    {` — ${words.code('obligation', o.status)}`}
                    {p.canEdit && (
                      <div className="d-flex flex-wrap gap-2 mt-1">
                        {o.status === 'open' && <MarkMet partner={p} obligation={o} />}
                        <div>
                          <Opener
                            id={`obligation-open-${o.id}`}
                            label={t('projectPlan.forms.edit')}
                            about={o.text.slice(0, 80)}
                          >
                            {(close) => <ObligationForm partner={p} obligation={o} close={close} />}
                          </Opener>
                        </div>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </AsyncContent>
    </>
  );
}
