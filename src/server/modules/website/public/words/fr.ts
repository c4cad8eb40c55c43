import type { SiteWords } from '../site-words.js';

export const FR: SiteWords = {
  languageName: 'Français',
  siteName: 'Réseau Trama',
  tagline:
    'Des services pour les femmes, les familles et les personnes étrangères dans les territoires de Treviglio et de Romano di Lombardia',
  skipToContent: 'Aller au contenu',
  languageNav: 'Langue',
  mainNav: 'Menu principal',
  quickExit: 'Sortir vite',
  quickExitHelp:
    'Le bouton « Sortir vite » ouvre une page météo. Vous pouvez aussi appuyer deux fois sur la touche Échap.',

  menuHome: 'Accueil',
  menuHelp: 'Où trouver de l’aide',
  menuNews: 'Actualités',
  menuEvents: 'Rencontres',
  menuSafety: 'Naviguer en sécurité',

  emergencyTitle: 'Êtes-vous en danger ?',
  emergency112: 'Urgence : appelez le 112',
  helpline1522:
    'Violence ou harcèlement (stalking) : appelez le 1522. C’est gratuit. On vous répond jour et nuit, aussi dans d’autres langues.',

  notTranslated: (languageName) =>
    `Cette page n’est pas encore traduite dans votre langue (${languageName}). La voici en italien.`,

  newsTitle: 'Actualités',
  newsIntro: 'Les nouvelles du réseau des services.',
  newsEmpty: 'Il n’y a pas encore d’actualités.',
  readMore: 'Lire la suite',
  publishedOn: (day) => `Publié le ${day}`,

  servicesTitle: 'Les services du réseau',
  servicesIntro: 'Vous pouvez appeler ces services. Ils sont gratuits. Demandez à parler dans votre langue.',
  servicesEmpty: 'La liste des services n’est pas encore publiée. Appelez le 1522.',
  phoneLabel: 'Téléphone',
  hoursLabel: 'Horaires',
  languagesLabel: 'Langues parlées',
  municipalityLabel: 'Commune',
  mapTitle: 'Où sont les services',

  eventsTitle: 'Rencontres et ateliers',
  eventsLink: 'Voir le calendrier des rencontres',

  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette page n’existe pas ou n’est plus publiée.',
  backHome: 'Retour à l’accueil',

  previewBanner: 'Aperçu : cette page n’est pas publiée.',

  footerAccessibility: 'Déclaration d’accessibilité',
  footerFeedback: 'Signaler un problème d’accessibilité',
  footerPrivacy: 'Protection des données',
  footerSafety: 'Naviguer en sécurité',
  footerFeed: 'Actualités en RSS',

  safetyTitle: 'Naviguer en sécurité',
  safety: [
    {
      heading: 'Sortir vite',
      text: 'Le bouton « Sortir vite », en haut de chaque page, ouvre une page météo. Avec un clavier : appuyez deux fois sur Échap. Si vous revenez en arrière, cette page ne s’affiche plus.',
    },
    {
      heading: 'Historique',
      text: 'Votre téléphone ou votre ordinateur garde en mémoire les pages que vous ouvrez. Utilisez une fenêtre de navigation privée, ou effacez l’historique après votre visite.',
    },
    {
      heading: 'Un téléphone sûr',
      text: 'Si vous pensez que quelqu’un surveille votre téléphone, utilisez le téléphone d’une personne de confiance ou d’un service, ou appelez le 1522.',
    },
    {
      heading: 'Ce site',
      text: 'Il n’utilise pas de cookies et n’envoie aucune donnée à d’autres sites. Il ne demande pas votre nom.',
    },
  ],

  menuVideos: 'Manuel vidéo',
  videosTitle: 'Manuel vidéo des bonnes pratiques',
  videosIntro:
    'De courtes vidéos sur le travail des services du réseau : chaque chapitre montre une pratique, avec des sous-titres et une transcription.',
  videosEmpty: 'Le manuel vidéo n’est pas encore publié.',
  chapterLabel: (number) => `Chapitre ${number}`,
  workPackages: {
    wp1: 'Réseau contre les violences « Non sei sola »',
    wp2: 'Protection de l’enfance',
    wp3: 'Communauté et citoyenneté active',
    wp4: 'Équipe ethnoclinique et recherche',
    wp5: 'Autonomie, travail et logement',
    wp6: 'Gouvernance et durabilité',
    wp7: 'Communication et diffusion',
  },
  workPackageLabel: 'Domaine de travail',
  practiceLabel: 'Pratique montrée',
  noVideoSupport: 'Votre navigateur ne peut pas lire cette vidéo. Lisez la transcription ci-dessous.',
  partsTitle: 'Parties de la vidéo',
  transcriptTitle: 'Transcription',
  transcriptHelp: 'Choisissez une ligne pour lancer la vidéo à ce moment-là.',
  descriptionLabel: 'Image',
  audioDescription: 'Lire à voix haute la description des images',
  transcriptInItalian: (languageName) =>
    `La transcription n’est pas encore disponible dans votre langue (${languageName}). La voici en italien.`,
  searchLabel: 'Chercher dans les vidéos',
  searchButton: 'Chercher',
  searchResultsTitle: (query) => `Résultats pour « ${query} »`,
  searchEmpty: 'Aucune vidéo ne dit ces mots.',
  atTime: (time) => `à la minute ${time}`,

  menuConferences: 'Conférences',
  conferencesTitle: 'Conférences',
  conferencesIntro:
    'Les conférences du réseau : le programme, qui intervient et comment s’inscrire. Après la conférence : les documents et les enregistrements.',
  conferencesEmpty: 'Il n’y a pas encore de conférences publiées.',
  whenLabel: 'Quand',
  whereLabel: 'Où',
  programmeTitle: 'Programme',
  speakersTitle: 'Qui intervient',
  materialsTitle: 'Documents',
  recordingsTitle: 'Enregistrements',
  documentSize: (size) => `PDF, ${size}`,
  register: 'S’inscrire',
  registrationClosed: 'Les inscriptions sont closes.',
  conferenceCancelled: 'La conférence a été annulée.',
  giveFeedback: 'Donnez votre avis sur la conférence',
  feedbackHelp: 'Il vous faut votre code de billet et une minute. Votre avis est anonyme.',

  shareTitle: 'Partager',
  shareEmail: 'E-mail',
  privacyTitle: 'Protection des données',
  privacy: [
    {
      heading: 'Ce que nous collectons',
      text: 'Rien qui dit qui vous êtes : pas de cookies, pas de compteur de visites, pas de services d’autres sites. Le serveur garde pendant quelques jours l’adresse réseau (adresse IP) des visiteurs, pour se défendre contre les attaques.',
    },
    {
      heading: 'Qui est responsable',
      text: 'Les organismes du réseau des services des territoires de Treviglio et de Romano di Lombardia. Le délégué à la protection des données répond à vos questions.',
    },
    {
      heading: 'Vos droits',
      text: 'Vous pouvez demander quelles données nous avons, les faire corriger ou effacer, et porter plainte auprès de l’autorité italienne de protection des données (le Garante).',
    },
  ],
};
