import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from './export-kinds.js';
import { useExportKinds } from './exports-api.js';

/**
 * "Export the list…" on a page whose data can be exported as rows (the observatory's incident
 * register, the case list): it opens Exports with the kind chosen and the page's filter carried
 * over. Shown only when the viewer may ask for that kind (`GET /api/exports/kinds`).
 */
export function ExportEntryLink({
  kind,
  year,
  status,
  className = 'btn btn-outline-primary',
  wording = 'link',
}: {
  kind: string;
  year?: number | undefined;
  status?: CaseStatus | undefined;
  className?: string;
  /** The link's words (`exports.entry.*`): "Export the list…" unless the kind is a report of its own. */
  wording?: 'link' | 'incidentRecorder' | 'istatSurvey';
}) {
  const { t } = useTranslation();
  const kinds = useExportKinds();
  if (!kinds.data?.some((k) => k.kind === kind)) return null;
  return (
    <Link to="/exports" search={{ kind, year, status }} className={className}>
      {t(`exports.entry.${wording}`)}
    </Link>
  );
}
