import { useTranslation } from 'react-i18next';

/** Every fundraising form's end: save, and cancel when the form edits something in place. */
export function SaveOrCancel({ pending, onCancel }: { pending: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="col-12 d-flex gap-2">
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t('fundraising.save')}
      </button>
      {onCancel && (
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('fundraising.cancel')}
        </button>
      )}
    </div>
  );
}
