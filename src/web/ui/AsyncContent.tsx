import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/problem.js';
import { Loading } from './Loading.js';
import { NotFoundNotice } from './NotFoundNotice.js';
import { ProblemAlert } from './ProblemAlert.js';

/** Loading, error and "not found or not yours" states of a query, so pages render only their data. */
export function AsyncContent<T>({
  query,
  children,
  notFound,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of the inline notice when the whole page is the missing record (it brings its h1). */
  notFound?: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.isNotFound) return <>{notFound ?? <NotFoundNotice />}</>;
    return <ProblemAlert error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
