import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/**
 * Every column of the website's tables, classed. What editors write is for the public: `public`
 * once published, and nothing in it is about a person who is helped (the services are offices,
 * never people; no address of a shelter is held at all).
 */
export const WEBSITE_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  site_pages: {
    id: 'internal',
    kind: 'public',
    slug: 'public',
    category: 'internal',
    parent_id: 'internal',
    menu_order: 'public',
    state: 'internal',
    publish_at: 'internal',
    published_at: 'public',
    submitted_by: 'internal',
    approved_by: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    updated_at: 'internal',
  },
  site_page_versions: {
    id: 'internal',
    page_id: 'internal',
    lang: 'public',
    number: 'internal',
    title: 'public',
    summary: 'public',
    body: 'public',
    based_on: 'internal',
    author_id: 'internal',
    created_at: 'internal',
  },
  site_publications: {
    page_id: 'internal',
    lang: 'public',
    version_id: 'internal',
    published_at: 'public',
  },
  site_page_transitions: {
    id: 'internal',
    page_id: 'internal',
    action: 'internal',
    from_state: 'internal',
    to_state: 'internal',
    note: 'internal',
    by_id: 'internal',
    at: 'internal',
  },
  site_help_services: {
    id: 'internal',
    name: 'public',
    description: 'public',
    phone: 'public',
    hours: 'public',
    languages: 'public',
    municipality: 'public',
    menu_order: 'public',
    published: 'internal',
    updated_by: 'internal',
    updated_at: 'internal',
  },
};

/** Public content is reference data: kept while it is true (archived pages stay, unpublished, with their trail). */
export const WEBSITE_RETENTION: Record<string, RetentionClass> = {
  site_pages: 'reference',
  site_page_versions: 'reference',
  site_publications: 'reference',
  site_page_transitions: 'reference',
  site_help_services: 'reference',
};
