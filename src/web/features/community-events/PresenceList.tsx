import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSessionDetail } from '../../../contracts/community.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useSessionMutations } from './community-events-api.js';
import { useParticipantWords, usePlaceStatus } from './participant-words.js';

/**
 * The registered participants with a "present" box each, big enough for a thumb. The ticks are
 * saved together; only the boxes changed since the list came are sent.
 */
export function PresenceList({ session }: { session: TSessionDetail }) {
  const { t } = useTranslation();
  const words = useParticipantWords();
  const placeStatus = usePlaceStatus();
  const { attendance } = useSessionMutations(session.id);
  const [draft, setDraft] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const present = (placeId: string, was: boolean) => draft[placeId] ?? was;
  const marks = session.participants
    .filter((p) => draft[p.placeId] !== undefined && draft[p.placeId] !== p.present)
    .map((p) => ({ placeId: p.placeId, present: draft[p.placeId] === true }));
  const count = session.participants.filter((p) => present(p.placeId, p.present)).length;

  const save = () =>
    attendance.mutate(marks, {
      onSuccess: () => {
        setDraft({});
        setSaved(t('communityEvents.presence.saved', { count: marks.length }));
      },
    });

  return (
    <section aria-labelledby="presence-heading" className="mb-4">
      <h2 id="presence-heading" className="h4">
        {t('communityEvents.presence.title')}
      </h2>
      <p aria-live="polite">
        {t('communityEvents.presence.count', { count, of: session.participants.length })}
      </p>
      {attendance.error ? <ActionProblem error={attendance.error} /> : null}
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      {session.participants.length === 0 ? (
        <p>{t('communityEvents.presence.empty')}</p>
      ) : (
        <ul className="list-unstyled">
          {session.participants.map((p) => {
            const id = `present-${p.placeId}`;
            const name = p.anonymous || !p.name ? t('communityEvents.participants.anonymous') : p.name;
            return (
              <li key={p.placeId} className="card shadow-sm mb-2">
                <div className="card-body p-3">
                  <div className="form-check my-0">
                    <input
                      id={id}
                      type="checkbox"
                      checked={present(p.placeId, p.present)}
                      aria-describedby={`${id}-about`}
                      onChange={(e) => {
                        setSaved(null);
                        setDraft({ ...draft, [p.placeId]: e.target.checked });
                      }}
                    />
                    <label htmlFor={id} className="fw-semibold">
                      {t('communityEvents.presence.present', { name })}
                    </label>
                    <span id={`${id}-about`} className="d-block small">
                      {words.word('participant', p.participant)} · {placeStatus(p.status)}
                    </span>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {session.participants.length > 0 && (
        <button
          type="button"
          className="btn btn-primary btn-lg w-100"
          disabled={marks.length === 0 || attendance.isPending}
          onClick={save}
        >
          {marks.length === 0
            ? t('communityEvents.presence.nothingToSave')
            : t('communityEvents.presence.save', { count: marks.length })}
        </button>
      )}
    </section>
  );
}
