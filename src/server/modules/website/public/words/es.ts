import type { SiteWords } from '../site-words.js';

export const ES: SiteWords = {
  languageName: 'Español',
  siteName: 'Red Trama',
  tagline:
    'Servicios para mujeres, familias y personas extranjeras en las zonas de Treviglio y Romano di Lombardia',
  skipToContent: 'Ir al contenido',
  languageNav: 'Idioma',
  mainNav: 'Menú principal',
  quickExit: 'Salir ya',
  quickExitHelp:
    'El botón «Salir ya» abre una página del tiempo. También puedes pulsar dos veces la tecla Esc.',

  menuHome: 'Inicio',
  menuHelp: 'Dónde encontrar ayuda',
  menuNews: 'Noticias',
  menuEvents: 'Encuentros',
  menuSafety: 'Navegar con seguridad',

  emergencyTitle: '¿Estás en peligro?',
  emergency112: 'Emergencia: llama al 112',
  helpline1522:
    'Violencia o acoso (stalking): llama al 1522. Es gratis. Contestan de día y de noche, también en otros idiomas.',

  notTranslated: (languageName) =>
    `Esta página todavía no está traducida a tu idioma (${languageName}). Aquí la tienes en italiano.`,

  newsTitle: 'Noticias',
  newsIntro: 'Las novedades de la red de servicios.',
  newsEmpty: 'Todavía no hay noticias.',
  readMore: 'Leer más',
  publishedOn: (day) => `Publicado el ${day}`,

  servicesTitle: 'Los servicios de la red',
  servicesIntro: 'Puedes llamar a estos servicios. Son gratuitos. Pide hablar en tu idioma.',
  servicesEmpty: 'La lista de servicios todavía no está publicada. Llama al 1522.',
  phoneLabel: 'Teléfono',
  hoursLabel: 'Horario',
  languagesLabel: 'Idiomas que se hablan',
  municipalityLabel: 'Municipio',
  mapTitle: 'Dónde están los servicios',

  eventsTitle: 'Encuentros y talleres',
  eventsLink: 'Ver el calendario de encuentros',

  notFoundTitle: 'Página no encontrada',
  notFoundText: 'Esta página no existe o ya no está publicada.',
  backHome: 'Volver al inicio',

  previewBanner: 'Vista previa: esta página no está publicada.',

  footerAccessibility: 'Declaración de accesibilidad',
  footerFeedback: 'Informar de un problema de accesibilidad',
  footerPrivacy: 'Privacidad',
  footerSafety: 'Cómo navegar con seguridad',
  footerFeed: 'Noticias en formato RSS',

  safetyTitle: 'Cómo navegar con seguridad',
  safety: [
    {
      heading: 'Salir ya',
      text: 'El botón «Salir ya», arriba en cada página, abre una página del tiempo. Con teclado: pulsa dos veces Esc. Si vuelves atrás, esta página no aparece otra vez.',
    },
    {
      heading: 'El historial',
      text: 'Tu teléfono o tu ordenador recuerda las páginas que abres. Usa una ventana privada (de incógnito), o borra el historial después de tu visita.',
    },
    {
      heading: 'Un teléfono seguro',
      text: 'Si crees que alguien revisa tu teléfono, usa el teléfono de una persona de confianza o de un servicio, o llama al 1522.',
    },
    {
      heading: 'Este sitio',
      text: 'No usa cookies y no envía datos a otros sitios. No pide tu nombre.',
    },
  ],

  menuVideos: 'Manual en vídeo',
  videosTitle: 'Manual en vídeo de buenas prácticas',
  videosIntro:
    'Vídeos cortos sobre cómo trabajan los servicios de la red: cada capítulo muestra una práctica, con subtítulos y transcripción.',
  videosEmpty: 'El manual en vídeo todavía no está publicado.',
  chapterLabel: (number) => `Capítulo ${number}`,
  workPackages: {
    wp1: 'Red contra la violencia «Non sei sola»',
    wp2: 'Protección de menores',
    wp3: 'Comunidad y ciudadanía activa',
    wp4: 'Equipo etnoclínico e investigación',
    wp5: 'Autonomía, trabajo y vivienda',
    wp6: 'Gobernanza y sostenibilidad',
    wp7: 'Comunicación y difusión',
  },
  workPackageLabel: 'Área de trabajo',
  practiceLabel: 'Práctica que se muestra',
  noVideoSupport: 'Tu navegador no puede reproducir este vídeo. Lee la transcripción aquí abajo.',
  partsTitle: 'Partes del vídeo',
  transcriptTitle: 'Transcripción',
  transcriptHelp: 'Elige una línea para que el vídeo empiece desde ahí.',
  descriptionLabel: 'Imagen',
  audioDescription: 'Leer en voz alta la descripción de las imágenes',
  transcriptInItalian: (languageName) =>
    `La transcripción todavía no está disponible en tu idioma (${languageName}). Aquí la tienes en italiano.`,
  searchLabel: 'Buscar en los vídeos',
  searchButton: 'Buscar',
  searchResultsTitle: (query) => `Resultados para «${query}»`,
  searchEmpty: 'Ningún vídeo dice estas palabras.',
  atTime: (time) => `en el minuto ${time}`,

  menuConferences: 'Conferencias',
  conferencesTitle: 'Conferencias',
  conferencesIntro:
    'Las conferencias de la red: el programa, quién interviene y cómo inscribirte. Después de la conferencia: los documentos y las grabaciones.',
  conferencesEmpty: 'Todavía no hay conferencias publicadas.',
  whenLabel: 'Cuándo',
  whereLabel: 'Dónde',
  programmeTitle: 'Programa',
  speakersTitle: 'Quién interviene',
  materialsTitle: 'Documentos',
  recordingsTitle: 'Grabaciones',
  documentSize: (size) => `PDF, ${size}`,
  register: 'Inscríbete',
  registrationClosed: 'Las inscripciones están cerradas.',
  conferenceCancelled: 'La conferencia ha sido cancelada.',
  giveFeedback: 'Danos tu opinión sobre la conferencia',
  feedbackHelp: 'Necesitas tu código de entrada y un minuto. Tu opinión es anónima.',

  shareTitle: 'Compartir',
  shareEmail: 'Correo electrónico',
  privacyTitle: 'Privacidad',
  privacy: [
    {
      heading: 'Qué recogemos',
      text: 'Nada que diga quién eres: ni cookies, ni contadores de visitas, ni servicios de otros sitios. El servidor guarda durante unos días la dirección de red (dirección IP) de quien abre las páginas, para defenderse de ataques.',
    },
    {
      heading: 'Quién es responsable',
      text: 'Las entidades de la red de servicios de las zonas de Treviglio y Romano di Lombardia. La persona delegada de protección de datos responde a tus preguntas.',
    },
    {
      heading: 'Tus derechos',
      text: 'Puedes preguntar qué datos tenemos, pedir que se corrijan o se borren, y reclamar ante la autoridad italiana de protección de datos (el Garante).',
    },
  ],
};
