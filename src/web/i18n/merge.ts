/** A message catalogue: nested keys, strings at the leaves. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** One language pair of messages: the shared catalogue's, or one feature's bundle. */
export interface I18nBundle {
  it: Catalogue;
  en: Catalogue;
}

function isCatalogue(value: unknown): value is Catalogue {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Deep-merges catalogues into one (the single `translation` namespace, so every `t('…')` key path
 * stays what it is). A message defined twice is a mistake, not an override: it throws.
 */
export function mergeCatalogues(catalogues: readonly Catalogue[]): Catalogue {
  const merged: Catalogue = {};
  const into = (target: Catalogue, source: Catalogue, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const at = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (existing === undefined) {
        target[key] = isCatalogue(value) ? into({}, value, at) : value;
      } else if (isCatalogue(existing) && isCatalogue(value)) {
        into(existing, value, at);
      } else {
        throw new Error(`message '${at}' is defined twice`);
      }
    }
    return target;
  };
  for (const catalogue of catalogues) into(merged, catalogue, '');
  return merged;
}
