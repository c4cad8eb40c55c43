import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { useServices } from '../structure/structure-api.js';

/** The network's active services as select options, grouped by organisation. */
export function useServiceGroups() {
  const locale = useLocale();
  const services = useServices();
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const service of services.data ?? []) {
    if (!service.active) continue;
    const group = groups.get(service.organisationName) ?? [];
    group.push({ value: service.id, label: service.name });
    groups.set(service.organisationName, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, locale))
    .map(([label, options]) => ({
      label,
      options: options.sort((a, b) => a.label.localeCompare(b.label, locale)),
    }));
}

/** A form that opens on a chosen service waits for the list, or its select would show nothing. */
export function WhenServicesLoaded({ children }: { children: () => ReactNode }) {
  const services = useServices();
  return <AsyncContent query={services}>{() => children()}</AsyncContent>;
}
