import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import type { TAgendaItem, TAttendance } from '../../../contracts/governance-committees.js';
import { useLocale } from '../../i18n/index.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useFileLink, useMeetingMutations } from './committees-api.js';

/** The agenda in order, each item with its presenter and documents; the chair and the secretary keep it. */
export function AgendaSection({
  meetingId,
  agenda,
  members,
  canManage,
}: {
  meetingId: string;
  agenda: TAgendaItem[];
  members: TAttendance['entries'];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const mutations = useMeetingMutations(meetingId);
  const [title, setTitle] = useState('');
  const [presenter, setPresenter] = useState('');
  const presenterOptions = members.map((m) => ({ value: m.memberId, label: m.name }));
  const error = mutations.addItem.error ?? mutations.moveItem.error;
  return (
    <section className="mb-5" aria-labelledby="meeting-agenda">
      <h2 id="meeting-agenda" className="h4">
        {t('committees.agenda.title')}
      </h2>
      {agenda.length === 0 ? (
        <p>{t('committees.agenda.none')}</p>
      ) : (
        <ol className="ps-3">
          {agenda.map((item, index) => (
            <li key={item.id} className="mb-3">
              <span className="fw-semibold">{item.title}</span>
              {item.presenterName && (
                <span className="d-block small">
                  {t('committees.agenda.presenter', { name: item.presenterName })}
                </span>
              )}
              {canManage && (
                <span className="d-flex flex-wrap gap-2 my-1">
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-sm"
                    disabled={index === 0 || mutations.moveItem.isPending}
                    onClick={() => mutations.moveItem.mutate({ itemId: item.id, direction: 'up' })}
                  >
                    {t('committees.agenda.up', { title: item.title })}
                  </button>
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-sm"
                    disabled={index === agenda.length - 1 || mutations.moveItem.isPending}
                    onClick={() => mutations.moveItem.mutate({ itemId: item.id, direction: 'down' })}
                  >
                    {t('committees.agenda.down', { title: item.title })}
                  </button>
                </span>
              )}
              <ItemFiles meetingId={meetingId} item={item} canManage={canManage} />
            </li>
          ))}
        </ol>
      )}
      {error ? <ActionProblem error={error} /> : null}
      {canManage && agenda.length < GOVERNANCE_LIMITS.agendaItems && (
        <form
          className="row align-items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (!title.trim()) return;
            mutations.addItem.mutate(
              { title: title.trim(), presenterMemberId: presenter || null },
              {
                onSuccess: () => {
                  setTitle('');
                  setPresenter('');
                },
              },
            );
          }}
        >
          <TextField
            id="agenda-title"
            className="col-md-6"
            label={t('committees.agenda.newTitle')}
            required
            maxLength={GOVERNANCE_LIMITS.title}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <SelectField
            id="agenda-presenter"
            className="col-md-4"
            label={t('committees.agenda.newPresenter')}
            placeholder={t('committees.agenda.noPresenter')}
            options={presenterOptions}
            value={presenter}
            onChange={(event) => setPresenter(event.target.value)}
          />
          <div className="col-md-2 mb-4">
            <button type="submit" className="btn btn-primary btn-sm" disabled={mutations.addItem.isPending}>
              {t('committees.agenda.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** An item's documents: each downloads through a one-minute link asked for when clicked. */
function ItemFiles({
  meetingId,
  item,
  canManage,
}: {
  meetingId: string;
  item: TAgendaItem;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inputId = useId();
  const link = useFileLink();
  const attach = useMeetingMutations(meetingId).attachFile;
  const [file, setFile] = useState<File | null>(null);
  return (
    <div className="small">
      {item.files.length > 0 && (
        <ul
          className="list-unstyled mb-1"
          aria-label={t('committees.agenda.documents', { title: item.title })}
        >
          {item.files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                disabled={link.isPending}
                onClick={() => link.mutate(f.id, { onSuccess: ({ url }) => window.location.assign(url) })}
              >
                {f.name ?? t('committees.agenda.unnamed')}
              </button>{' '}
              (
              {t('committees.agenda.size', {
                kb: formatNumber(Math.max(1, Math.round(f.sizeBytes / 1024)), locale),
              })}
              )
            </li>
          ))}
        </ul>
      )}
      {link.error ? <ActionProblem error={link.error} /> : null}
      {canManage && (
        <form
          className="d-flex flex-wrap align-items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) return;
            const formElement = event.currentTarget;
            attach.mutate(
              { itemId: item.id, file },
              {
                onSuccess: () => {
                  setFile(null);
                  formElement.reset();
                },
              },
            );
          }}
        >
          <div>
            <label htmlFor={inputId} className="form-label d-block">
              {t('committees.agenda.attach', { title: item.title })}
            </label>
            <input
              id={inputId}
              type="file"
              className="form-control form-control-sm"
              accept=".pdf,.docx,.odt,.xlsx,.ods,.png,.jpg,.jpeg,.webp,.txt,.csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <button
            type="submit"
            className="btn btn-outline-primary btn-sm"
            disabled={!file || attach.isPending}
          >
            {t('committees.agenda.upload')}
          </button>
        </form>
      )}
      {attach.error ? <ActionProblem error={attach.error} /> : null}
    </div>
  );
}
