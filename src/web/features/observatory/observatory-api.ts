import { useQuery } from '@tanstack/react-query';
import {
  type STATISTICS_LAYOUTS,
  type TLocale,
  ZStatisticsSchema,
  ZTrainingReportSchema,
} from '../../../contracts/index.js';
import { api, withQuery } from '../../api/client.js';

export const observatoryKeys = {
  statistics: (year: number | undefined) => ['observatory', 'statistics', year ?? 'latest'] as const,
  training: (year: number | undefined) => ['observatory', 'training', year ?? 'latest'] as const,
};

/** Without a year the server answers the most recent year with counted incidents. */
export function useStatistics(year: number | undefined) {
  return useQuery({
    queryKey: observatoryKeys.statistics(year),
    queryFn: () => api('/api/observatory/statistics', { query: { year }, schema: ZStatisticsSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useTrainingReport(year: number | undefined) {
  return useQuery({
    queryKey: observatoryKeys.training(year),
    queryFn: () =>
      api('/api/observatory/training-report', { query: { year }, schema: ZTrainingReportSchema }),
  });
}

/**
 * The export is a plain GET download (same origin, session cookie); the server audits it. The
 * file is written in the app's language; Italian, the default, is left out of the address.
 */
export function exportUrl({
  format,
  year,
  layout = 'tables',
  locale,
}: {
  format: 'csv' | 'xlsx';
  year: number;
  layout?: (typeof STATISTICS_LAYOUTS)[number];
  locale: TLocale;
}): string {
  return withQuery('/api/observatory/statistics/export', {
    format,
    year,
    layout: layout === 'tables' ? undefined : layout,
    lang: locale === 'it' ? undefined : locale,
  });
}
