import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, isApiError } from '../../api/problem.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';
import { useCountries, useLanguages } from './incidents-api.js';

/** The form once the reference lists it offers are loaded; the first one not ready says why. */
export function WhenListsLoaded({ children }: { children: () => ReactNode }) {
  const lists: UseQueryResult<unknown>[] = [
    useCountries(),
    useLanguages(),
    useDistricts(),
    useMunicipalities(),
  ];
  // The loading notice or the error of the first list not ready yet.
  const waiting = lists.find((query) => query.isPending || query.isError);
  if (waiting) return <AsyncContent query={waiting}>{() => null}</AsyncContent>;
  return <>{children()}</>;
}

/**
 * The age band is asked only when the year of birth alone is known. With neither age nor year the
 * server says both that one of them and that the band is missing: the band's message would point
 * at a field the form does not show, so only the first is kept.
 */
export function withoutUnaskedBand(error: unknown, bandAsked: boolean): unknown {
  const errors = isApiError(error) ? error.problem?.errors : undefined;
  if (bandAsked || !isApiError(error) || !error.problem || !errors) return error;
  const kept = errors.filter((e) => e.field.replace(/^body\.?/, '') !== 'ageBand');
  if (kept.length === errors.length) return error;
  return new ApiError(error.status, { ...error.problem, errors: kept }, error.message);
}
