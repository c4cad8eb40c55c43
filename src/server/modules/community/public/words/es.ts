import type { PublicWords } from '../public-words.js';

export const ES: PublicWords = {
  languageName: 'Español',
  siteName: 'Encuentros en tu zona',
  skipToContent: 'Ir al contenido',
  languageNav: 'Idioma',
  quickExit: 'Salir ya',
  quickExitHelp:
    'El botón «Salir ya» abre una página del tiempo. También puedes pulsar dos veces la tecla Esc.',
  allEvents: 'Todos los encuentros',
  safetyLink: 'Cómo navegar con seguridad',

  listTitle: 'Encuentros, talleres y laboratorios',
  listIntro:
    'Encuentros gratuitos para quienes viven en la zona. Elige un encuentro para ver los detalles e inscribirte.',
  listEmpty: 'Por ahora no hay encuentros previstos. Vuelve a mirar más adelante.',
  kinds: {
    awareness_meeting: 'Reunión informativa',
    workshop: 'Taller',
    citizenship_lab: 'Laboratorio de ciudadanía',
  },
  sessionsCount: (n) => (n === 1 ? '1 encuentro' : `${n} encuentros`),
  when: 'Cuándo',
  where: 'Dónde',
  comune: 'Municipio',
  spokenLanguages: 'Idiomas que se hablan',
  organisedBy: 'Organiza',
  detailsLink: 'Detalles e inscripción',
  writtenInItalian: 'Descripción (en italiano)',

  notFoundTitle: 'Encuentro no encontrado',
  notFoundText: 'Este encuentro no existe o ya no está publicado.',
  eventCancelled: 'Este encuentro ha sido cancelado.',
  eventOver: 'Este encuentro ha terminado.',
  registrationClosed: 'Las inscripciones para este encuentro están cerradas.',
  seatsAvailable: 'Hay plazas libres.',
  seatsFull: 'No quedan plazas: puedes apuntarte a la lista de espera.',

  formTitle: 'Inscríbete',
  formIntro: 'Pedimos pocos datos. Todo es opcional: también puedes inscribirte sin tu nombre.',
  anonymousLabel: 'Sin mi nombre',
  anonymousHint: 'No guardamos ni tu nombre ni tu teléfono. Te basta el código de la entrada.',
  nameLabel: 'Nombre y apellidos',
  nameHint: 'O elige «Sin mi nombre».',
  phoneLabel: 'Teléfono (opcional)',
  phoneHint:
    'Solo un número de teléfono, nunca un correo electrónico. Quienes organizan pueden llamarte si el encuentro cambia.',
  genderLegend: 'Eres… (opcional)',
  genders: { female: 'Mujer', male: 'Hombre', other: 'Otro', not_said: 'Prefiero no decirlo' },
  ageLegend: 'Edad (opcional)',
  ages: {
    under_18: 'Menos de 18 años',
    '18_29': '18–29 años',
    '30_44': '30–44 años',
    '45_64': '45–64 años',
    '65_plus': '65 años o más',
    not_said: 'Prefiero no decirlo',
  },
  citizenshipLegend: 'Nacionalidad (opcional)',
  citizenships: {
    italian: 'Italiana',
    eu: 'De otro país de la Unión Europea',
    non_eu: 'De un país fuera de la Unión Europea',
    not_said: 'Prefiero no decirlo',
  },
  honeypotLabel: 'Deja este campo vacío',
  submitRegister: 'Inscribirme',

  errorSummary: 'Revisa el formulario',
  nameRequired: 'Escribe tu nombre o elige «Sin mi nombre».',
  phoneInvalid: 'El número de teléfono no es válido. Escríbelo con el prefijo, por ejemplo +39 333 1234567.',
  alreadyRegistered: 'Este número de teléfono ya está inscrito en este encuentro.',
  tooFast: 'El formulario se envió demasiado rápido. Espera unos segundos y pulsa de nuevo «Inscribirme».',
  formExpired:
    'El formulario estuvo abierto demasiado tiempo. Revisa tus datos y pulsa de nuevo «Inscribirme».',

  confirmedTitle: 'Inscripción hecha',
  confirmedText: 'Tienes una plaza. ¡Te esperamos!',
  waitlistedTitle: 'Estás en la lista de espera',
  waitlistedText:
    'No quedan plazas. Si una plaza queda libre, es tuya: quienes organizan te llaman si dejaste tu teléfono.',
  ticketLabel: 'Tu código de entrada',
  ticketKeep:
    'Guarda este código: es tu entrada para todos los encuentros. Escríbelo en un papel o hazle una foto.',
  ticketQr: 'Código QR de tu entrada',
  cancelHow: '¿No puedes venir? Cancela tu inscripción con tu código',
  feedbackHow: 'Después del encuentro, danos tu opinión',

  cancelTitle: 'Cancelar la inscripción',
  cancelIntro: 'Escribe el código de tu entrada. Tu plaza será para otra persona.',
  ticketCodeLabel: 'Código de la entrada',
  ticketCodeHint: '8 letras y números, por ejemplo ABCD 2345.',
  ticketCodeFormat: 'El código tiene 8 letras y números. Revísalo y escríbelo de nuevo.',
  ticketNotFound: 'No se ha encontrado este código para este encuentro.',
  submitCancel: 'Cancelar mi inscripción',
  cancelledTitle: 'Inscripción cancelada',
  cancelledText: 'Tu plaza ya está libre para otra persona. Gracias por avisarnos.',
  cancelNotNow: 'Esta inscripción ya no se puede cancelar.',

  walkInTitle: 'Estoy aquí',
  walkInIntro: '¡Bienvenida, bienvenido! Registra tu presencia. No pedimos tu nombre.',
  haveTicketLegend: '¿Ya tienes un código de entrada?',
  haveTicketHint: 'Si lo tienes, escríbelo aquí. Si no, déjalo vacío y responde a las preguntas de abajo.',
  noTicketHeading: '¿No tienes código?',
  noTicketIntro: 'Responde si quieres: todo es opcional. Te damos un código para la próxima vez.',
  participantLegend: 'Vienes como…',
  participants: {
    resident: 'Persona que vive en la zona',
    professional: 'Profesional (trabajador social, docente, voluntario…)',
  },
  submitWalkIn: 'Registrar mi presencia',
  presentTitle: 'Presencia registrada',
  presentAlready: 'Tu presencia ya estaba registrada. ¡Gracias!',
  walkInTicket:
    'Este es tu código de entrada. La próxima vez, escríbelo en este formulario: así cuentas una sola vez.',
  scanAgainTitle: 'Escanea de nuevo el código QR',
  scanAgainText:
    'El código QR cambia cada 20 segundos. Escanea de nuevo el código QR que muestran quienes organizan.',
  checkinNotYet: 'El registro de presencia se abre 15 minutos antes del inicio.',
  checkinEnded: 'Este encuentro ha terminado.',

  feedbackTitle: 'Tu opinión',
  feedbackIntro: 'Dos preguntas. Tu respuesta es anónima: nadie sabe quién la dio.',
  feedbackNotYet: 'Podrás dar tu opinión cuando el encuentro haya empezado.',
  usefulQuestion: '¿El encuentro te ha sido útil?',
  understoodQuestion: '¿Has entendido lo que se dijo?',
  scale: ['Nada', 'Poco', 'Bastante', 'Mucho', 'Muchísimo'],
  answerRequired: 'Elige una respuesta.',
  submitFeedback: 'Enviar mi opinión',
  feedbackThanks: '¡Gracias! Tu opinión ha quedado registrada.',
  feedbackAlready: 'Con este código ya se dio una opinión. ¡Gracias!',

  safetyTitle: 'Cómo navegar con seguridad',
  safety: [
    {
      heading: 'Salir ya',
      text: 'El botón «Salir ya», arriba en cada página, abre una página del tiempo. Con teclado: pulsa dos veces Esc.',
    },
    {
      heading: 'Ventana privada',
      text: 'Si otras personas usan el mismo teléfono u ordenador, abre estas páginas en una ventana privada (de incógnito): al cerrarla no queda historial.',
    },
    {
      heading: 'Historial',
      text: 'Si no, después de tu visita borra el historial del navegador, o solo las páginas de este sitio.',
    },
    {
      heading: 'Teléfono compartido',
      text: 'Tu código de entrada es personal. Si alguien mira tu teléfono, escríbelo en un papel en lugar de hacer una foto.',
    },
    {
      heading: 'Lo que no guardamos',
      text: 'Estas páginas no usan cookies ni llaman a otros sitios. Puedes inscribirte sin nombre y sin teléfono.',
    },
  ],

  privacyTitle: 'Información sobre privacidad',
  privacy: (controller) => [
    {
      heading: 'Quién trata los datos',
      text: controller
        ? `${controller}, que organiza este encuentro.`
        : 'La entidad que organiza cada encuentro: su nombre está en la página del encuentro.',
    },
    {
      heading: 'Para qué',
      text: 'Para inscribirte, para registrar tu presencia y para contar cuántas personas participaron. Los recuentos no contienen nombres.',
    },
    {
      heading: 'Base jurídica',
      text: 'Una misión de interés público de los servicios sociales de la zona (artículo 6, apartado 1, letra e, del Reglamento UE 2016/679, RGPD).',
    },
    {
      heading: 'Qué datos',
      text: 'Nombre y teléfono solo si los escribes: se guardan cifrados. Sin nombre no guardamos ninguno de los dos. Género, edad y nacionalidad solo como grupos, si respondes. Tu opinión es anónima.',
    },
    {
      heading: 'Quién los ve',
      text: 'Solo quienes organizan el encuentro. Ningún dato va a otros sitios ni fuera de la Unión Europea.',
    },
    {
      heading: 'Cuánto tiempo',
      text: 'Hasta el final del proyecto y de sus informes. Después se borran el nombre y el teléfono: solo quedan los totales.',
    },
    {
      heading: 'Tus derechos',
      text: 'Puedes pedir ver, corregir o borrar tus datos y oponerte a su uso, escribiendo a la entidad que organiza. Puedes reclamar ante la autoridad italiana de protección de datos, el Garante (www.garanteprivacy.it).',
    },
    {
      heading: 'Cancelar',
      text: 'Puedes cancelar tu inscripción en cualquier momento con tu código de entrada, en la página del encuentro.',
    },
  ],
};
