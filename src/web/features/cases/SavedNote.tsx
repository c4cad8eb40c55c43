import { useTranslation } from 'react-i18next';

/** "Saved." after a successful save, announced politely; hidden once the form changes again. */
export function SavedNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="mt-2">
      {show ? <span className="text-success fw-semibold">{t('caseCommon.saved')}</span> : null}
    </div>
  );
}

/** A record's text as written: line breaks kept, "—" when empty. */
export function Prose({ text }: { text: string | null | undefined }) {
  if (!text) return <p>—</p>;
  return <p style={{ whiteSpace: 'pre-wrap' }}>{text}</p>;
}
