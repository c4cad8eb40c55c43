import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESEARCH_CODE_LISTS,
  RESEARCH_COLUMNS,
  researchWord,
  type TResearchDataset,
  type TResearchRow,
  type TStudy,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { exportPath, useDatasetPreview, useStudies } from './research-api.js';

const PREVIEW_ROWS = 50;

/**
 * The researcher's studies: a preview of the pseudonymised dataset and the CSV download. Both are
 * exports the DPO sees, so the preview is loaded only when asked for.
 */
export function ResearchPage() {
  const { t } = useTranslation();
  const studies = useStudies();
  const [previewId, setPreviewId] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('research.title')}>
        <p className="mb-0">{t('research.intro')}</p>
      </PageHeading>
      <section aria-labelledby="studies-heading" className="mb-5">
        <h2 id="studies-heading" className="h4">
          {t('research.studies.title')}
        </h2>
        <AsyncContent query={studies}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('research.studies.empty')}</p>
            ) : (
              <StudiesTable studies={items} previewId={previewId} onPreview={setPreviewId} />
            )
          }
        </AsyncContent>
      </section>
      {previewId && (
        <Preview
          key={previewId}
          study={studies.data?.find((s) => s.id === previewId) ?? null}
          studyId={previewId}
        />
      )}
    </>
  );
}

function StudiesTable({
  studies,
  previewId,
  onPreview,
}: {
  studies: TStudy[];
  previewId: string | null;
  onPreview: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('research.studies.caption', { count: studies.length })}>
      <thead>
        <tr>
          <th scope="col">{t('research.studies.code')}</th>
          <th scope="col">{t('research.studies.studyTitle')}</th>
          <th scope="col">{t('research.studies.period')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {studies.map((study) => (
          <tr key={study.id}>
            <th scope="row" className="font-monospace">
              {study.code}
            </th>
            <td>{study.title}</td>
            <td className="text-nowrap">
              {formatDay(study.startsOn, locale)} –{' '}
              {study.endsOn ? formatDay(study.endsOn, locale) : t('research.studies.ongoing')}
            </td>
            <td>
              <div className="d-flex flex-wrap gap-2">
                <button
                  type="button"
                  className="btn btn-outline-primary btn-xs"
                  aria-pressed={previewId === study.id}
                  aria-label={t('research.studies.previewNamed', { code: study.code })}
                  onClick={() => onPreview(study.id)}
                >
                  {t('research.studies.preview')}
                </button>
                <a
                  className="btn btn-primary btn-xs"
                  href={exportPath(study.id, 'csv', locale)}
                  download={`${study.code}.csv`}
                  aria-label={t('research.studies.csvNamed', { code: study.code })}
                >
                  {t('research.studies.csv')}
                </a>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** A column of the preview: the words, or (`code`) the codes of a coded column beside them. */
interface PreviewColumn {
  column: (typeof RESEARCH_COLUMNS)[number];
  code: boolean;
}
const PREVIEW_COLUMNS: PreviewColumn[] = RESEARCH_COLUMNS.flatMap((column) =>
  RESEARCH_CODE_LISTS[column]
    ? [
        { column, code: false },
        { column, code: true },
      ]
    : [{ column, code: false }],
);

function useCell(labels: TResearchDataset['labels']) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const message = (key: string) => (i18n.exists(key) ? t(key) : undefined);
  return (row: TResearchRow, { column, code }: PreviewColumn) => {
    const value = row[column];
    if (value === null) return '—';
    if (typeof value === 'boolean') return value ? t('caseCommon.yes') : t('caseCommon.no');
    if (code || !RESEARCH_CODE_LISTS[column]) return String(value);
    return researchWord({ column, code: String(value), labels, locale, message });
  };
}

function Preview({ study, studyId }: { study: TStudy | null; studyId: string }) {
  const { t } = useTranslation();
  const dataset = useDatasetPreview(studyId);
  const cell = useCell(dataset.data?.labels ?? {});
  const code = study?.code ?? '';
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="h4">
        {t('research.preview.title', { code })}
      </h2>
      <p className="small">{t('research.preview.intro')}</p>
      <AsyncContent query={dataset}>
        {({ rows }) =>
          rows.length === 0 ? (
            <p role="status">{t('research.preview.empty')}</p>
          ) : (
            <DataTable
              className="table-sm table-striped small"
              caption={t('research.preview.caption', {
                shown: Math.min(rows.length, PREVIEW_ROWS),
                count: rows.length,
              })}
            >
              <thead>
                <tr>
                  {PREVIEW_COLUMNS.map(({ column, code: isCode }) => (
                    <th scope="col" key={`${column}-${isCode}`} className="text-nowrap">
                      {isCode
                        ? t('research.codeColumn', { column: t(`research.columns.${column}`) })
                        : t(`research.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PREVIEW_ROWS).map((row, index) => (
                  // Rows have no id of their own (codes may repeat across a person's cases).
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={index}>
                    {PREVIEW_COLUMNS.map((column, i) =>
                      i === 0 ? (
                        <th scope="row" key="row" className="font-monospace text-nowrap">
                          {cell(row, column)}
                        </th>
                      ) : (
                        <td
                          key={`${column.column}-${column.code}`}
                          className={column.code ? 'font-monospace text-nowrap' : 'text-nowrap'}
                        >
                          {cell(row, column)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
