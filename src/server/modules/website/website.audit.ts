import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of the website's editorial work, with the words the DPO reads for them. */
export const WEBSITE_AUDIT_ACTIONS = {
  'website.page_created': { it: 'Pagina del sito creata', en: 'Site page created' },
  'website.page_edited': { it: 'Testo di una pagina del sito salvato', en: 'Site page text saved' },
  'website.page_settings_changed': {
    it: 'Impostazioni di una pagina del sito cambiate',
    en: 'Site page settings changed',
  },
  'website.page_moved': {
    it: 'Pagina del sito spostata nel flusso redazionale',
    en: 'Site page moved through the editorial workflow',
  },
  'website.page_published': { it: 'Pagina del sito pubblicata', en: 'Site page published' },
  'website.preview_link_made': { it: 'Link di anteprima creato', en: 'Preview link made' },
  'website.help_service_saved': {
    it: 'Servizio di «Dove trovare aiuto» salvato',
    en: '“Where to get help” service saved',
  },
  'website.help_service_published': {
    it: 'Servizio di «Dove trovare aiuto» pubblicato',
    en: '“Where to get help” service published',
  },
  'website.video_changed': {
    it: 'Video, copertina o impostazioni di un capitolo del manuale video cambiati',
    en: 'Video, poster or settings of a video manual chapter changed',
  },
  'website.video_read': {
    it: 'Capitolo del manuale video consultato, con le liberatorie',
    en: 'Video manual chapter read, with its releases',
  },
  'website.video_track_saved': {
    it: 'Sottotitoli o tracce di un video salvati',
    en: 'Video text track saved',
  },
  'website.video_track_deleted': { it: 'Traccia di un video eliminata', en: 'Video text track deleted' },
  'website.video_release_recorded': {
    it: 'Liberatoria di una persona ripresa registrata',
    en: 'Release of a person filmed recorded',
  },
  'website.video_release_deleted': {
    it: 'Liberatoria di una persona ripresa eliminata',
    en: 'Release of a person filmed deleted',
  },
  'website.video_checked': {
    it: 'Video controllato: nessuna persona vulnerabile riconoscibile',
    en: 'Video checked: no vulnerable person recognisable',
  },
  'website.plan_action_saved': {
    it: 'Azione del piano di comunicazione salvata',
    en: 'Communication plan action saved',
  },
  'website.plan_action_deleted': {
    it: 'Azione del piano di comunicazione eliminata',
    en: 'Communication plan action deleted',
  },
  'website.media_added': {
    it: 'Immagine aggiunta alla libreria del sito',
    en: 'Image added to the site’s library',
  },
  'website.media_alts_saved': {
    it: 'Testi alternativi di un’immagine salvati',
    en: 'Alternative texts of an image saved',
  },
  'website.media_deleted': {
    it: 'Immagine eliminata dalla libreria del sito',
    en: 'Image deleted from the site’s library',
  },
  'website.conference_changed': {
    it: 'Convegno modificato: evento, programma, relatori o materiali',
    en: 'Conference changed: event, programme, speakers or materials',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof WEBSITE_AUDIT_ACTIONS, true> {}
}

/** The record types the website's lookups and audit events name, and their tables. */
export const WEBSITE_RECORD_TABLES = {
  site_page: 'site_pages',
  site_help_service: 'site_help_services',
  site_comm_action: 'site_comm_actions',
  site_media: 'site_media',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof WEBSITE_RECORD_TABLES, true> {}
}
