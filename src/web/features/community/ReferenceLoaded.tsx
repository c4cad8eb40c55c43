import type { ReactNode } from 'react';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { useCommunityReference } from './community-words.js';

/**
 * A select shows its value only if its option exists when the form mounts, and a list shows names
 * only once the lists came: wait for languages, countries, comuni and organisations (then they are
 * read from the cache).
 */
export function ReferenceLoaded({ children }: { children: () => ReactNode }) {
  const { queries } = useCommunityReference();
  const waiting = queries.find((query) => query.isPending || query.isError);
  if (waiting) return <AsyncContent query={waiting}>{() => null}</AsyncContent>;
  return <>{children()}</>;
}
