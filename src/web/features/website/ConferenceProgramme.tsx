import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConferenceDetail } from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ConferenceItemForm } from './ConferenceItemForm.js';
import { useConferenceItemDelete } from './conference-api.js';
import { dayInWords, groupByDay, speakerNames, timeRange } from './conference-forms.js';
import { listInWords } from './media-forms.js';

type Item = TConferenceDetail['items'][number];

/** The programme day by day: each item's hours, Italian title and speakers; a new item, a change, a deletion. */
export function ConferenceProgramme({ pageId, detail }: { pageId: string; detail: TConferenceDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useConferenceItemDelete(pageId);
  // The item being changed, 'new' for a new one, null while no form is open.
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Item | null>(null);
  const days = groupByDay(detail.items);
  return (
    <section aria-labelledby="site-conference-programme-heading" className="mb-5">
      <h3 id="site-conference-programme-heading" className="h5">
        {t('website.conference.programme.title')}
      </h3>
      {days.length === 0 ? (
        <p>{t('website.conference.programme.empty')}</p>
      ) : (
        days.map(({ day, items }) => (
          <section key={day} aria-labelledby={`site-conference-day-${day}`} className="mb-4">
            <h4 id={`site-conference-day-${day}`} className="h6">
              {dayInWords(day, locale)}
            </h4>
            <ul className="list-unstyled mb-0">
              {items.map((item) => (
                <ProgrammeItem
                  key={item.id}
                  item={item}
                  speakers={speakerNames(item, detail.speakers)}
                  busy={remove.isPending}
                  onEdit={() => {
                    remove.reset();
                    setConfirming(null);
                    setEditing(item);
                  }}
                  onDelete={() => {
                    remove.reset();
                    setEditing(null);
                    setConfirming(item);
                  }}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      {remove.error ? <ActionProblem error={remove.error} className="mb-3" /> : null}
      {confirming && (
        <ConfirmPanel
          className="mb-3"
          message={t('website.conference.programme.confirmDelete', { title: confirming.titles.it ?? '' })}
          confirmLabel={t('website.conference.programme.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          onCancel={() => setConfirming(null)}
        />
      )}
      {editing ? (
        <ConferenceItemForm
          key={editing === 'new' ? 'new' : editing.id}
          pageId={pageId}
          item={editing === 'new' ? null : editing}
          speakers={detail.speakers}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="btn btn-outline-primary" onClick={() => setEditing('new')}>
          {t('website.conference.programme.add')}
        </button>
      )}
    </section>
  );
}

function ProgrammeItem({
  item,
  speakers,
  busy,
  onEdit,
  onDelete,
}: {
  item: Item;
  speakers: string[];
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = item.titles.it ?? '';
  return (
    <li className="border-bottom py-2 d-flex flex-wrap align-items-start gap-2">
      <div className="flex-grow-1 text-break">
        <span className="d-block fw-semibold">{timeRange(item.starts, item.ends)}</span>
        <span className="d-block" lang="it">
          {title}
        </span>
        {speakers.length > 0 && (
          <span className="d-block small">
            {t('website.conference.programme.with', { names: listInWords(speakers, locale) })}
          </span>
        )}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onEdit}>
          {t('common.edit')}
          <span className="visually-hidden"> {title}</span>
        </button>
        <button type="button" className="btn btn-outline-danger btn-sm" disabled={busy} onClick={onDelete}>
          {t('website.conference.programme.delete')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
    </li>
  );
}
