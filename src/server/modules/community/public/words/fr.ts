import type { PublicWords } from '../public-words.js';

export const FR: PublicWords = {
  languageName: 'Français',
  siteName: 'Rencontres près de chez vous',
  skipToContent: 'Aller au contenu',
  languageNav: 'Langue',
  quickExit: 'Sortir vite',
  quickExitHelp:
    'Le bouton « Sortir vite » ouvre une page météo. Vous pouvez aussi appuyer deux fois sur la touche Échap.',
  allEvents: 'Toutes les rencontres',
  safetyLink: 'Naviguer en sécurité',

  listTitle: 'Rencontres, ateliers et laboratoires',
  listIntro:
    'Des rencontres gratuites pour les personnes qui vivent dans la région. Choisissez une rencontre pour voir les détails et vous inscrire.',
  listEmpty: 'Aucune rencontre n’est prévue pour le moment. Revenez plus tard.',
  kinds: {
    awareness_meeting: 'Réunion d’information',
    workshop: 'Atelier',
    citizenship_lab: 'Laboratoire de citoyenneté',
  },
  sessionsCount: (n) => (n === 1 ? '1 rencontre' : `${n} rencontres`),
  when: 'Quand',
  where: 'Où',
  comune: 'Commune',
  spokenLanguages: 'Langues parlées',
  organisedBy: 'Organisé par',
  detailsLink: 'Détails et inscription',
  writtenInItalian: 'Description (en italien)',

  notFoundTitle: 'Rencontre introuvable',
  notFoundText: 'Cette rencontre n’existe pas ou n’est plus publiée.',
  eventCancelled: 'Cette rencontre a été annulée.',
  eventOver: 'Cette rencontre est terminée.',
  registrationClosed: 'Les inscriptions à cette rencontre sont closes.',
  seatsAvailable: 'Il reste des places.',
  seatsFull: 'Toutes les places sont prises : vous pouvez vous inscrire sur la liste d’attente.',

  formTitle: 'S’inscrire',
  formIntro:
    'Nous demandons peu de choses. Tout est facultatif : vous pouvez aussi vous inscrire sans votre nom.',
  anonymousLabel: 'Sans mon nom',
  anonymousHint: 'Nous ne gardons ni votre nom ni votre téléphone. Votre code de billet suffit.',
  nameLabel: 'Prénom et nom',
  nameHint: 'Ou choisissez « Sans mon nom ».',
  phoneLabel: 'Téléphone (facultatif)',
  phoneHint:
    'Seulement un numéro de téléphone, jamais d’e-mail. Les organisateurs peuvent vous appeler si la rencontre change.',
  genderLegend: 'Vous êtes… (facultatif)',
  genders: { female: 'Une femme', male: 'Un homme', other: 'Autre', not_said: 'Je préfère ne pas le dire' },
  ageLegend: 'Âge (facultatif)',
  ages: {
    under_18: 'Moins de 18 ans',
    '18_29': '18 à 29 ans',
    '30_44': '30 à 44 ans',
    '45_64': '45 à 64 ans',
    '65_plus': '65 ans ou plus',
    not_said: 'Je préfère ne pas le dire',
  },
  citizenshipLegend: 'Nationalité (facultatif)',
  citizenships: {
    italian: 'Italienne',
    eu: 'D’un autre pays de l’Union européenne',
    non_eu: 'D’un pays hors de l’Union européenne',
    not_said: 'Je préfère ne pas le dire',
  },
  honeypotLabel: 'Laissez ce champ vide',
  submitRegister: 'M’inscrire',

  errorSummary: 'Vérifiez le formulaire',
  nameRequired: 'Écrivez votre nom ou choisissez « Sans mon nom ».',
  phoneInvalid:
    'Le numéro de téléphone n’est pas valide. Écrivez-le avec l’indicatif, par exemple +39 333 1234567.',
  alreadyRegistered: 'Ce numéro de téléphone est déjà inscrit à cette rencontre.',
  tooFast:
    'Le formulaire a été envoyé trop vite. Attendez quelques secondes et appuyez à nouveau sur « M’inscrire ».',
  formExpired:
    'Le formulaire est resté ouvert trop longtemps. Vérifiez vos réponses et appuyez à nouveau sur « M’inscrire ».',

  confirmedTitle: 'Vous êtes inscrit·e',
  confirmedText: 'Vous avez une place. À bientôt !',
  waitlistedTitle: 'Vous êtes sur la liste d’attente',
  waitlistedText:
    'Toutes les places sont prises. Si une place se libère, elle est pour vous : les organisateurs vous appellent si vous avez laissé votre téléphone.',
  ticketLabel: 'Votre code de billet',
  ticketKeep:
    'Gardez ce code : c’est votre billet pour toutes les rencontres. Écrivez-le sur un papier ou prenez une photo.',
  ticketQr: 'Code QR de votre billet',
  cancelHow: 'Vous ne pouvez pas venir ? Annulez votre inscription avec votre code',
  feedbackHow: 'Après la rencontre, donnez-nous votre avis',

  cancelTitle: 'Annuler l’inscription',
  cancelIntro: 'Écrivez le code de votre billet. Votre place ira à une autre personne.',
  ticketCodeLabel: 'Code du billet',
  ticketCodeHint: '8 lettres et chiffres, par exemple ABCD 2345.',
  ticketCodeFormat: 'Le code a 8 lettres et chiffres. Vérifiez-le et écrivez-le à nouveau.',
  ticketNotFound: 'Ce code n’a pas été trouvé pour cette rencontre.',
  submitCancel: 'Annuler mon inscription',
  cancelledTitle: 'Inscription annulée',
  cancelledText: 'Votre place est maintenant libre pour une autre personne. Merci de nous avoir prévenus.',
  cancelNotNow: 'Cette inscription ne peut plus être annulée.',

  walkInTitle: 'Je suis là',
  walkInIntro: 'Bienvenue ! Indiquez que vous êtes présent·e. Nous ne demandons pas votre nom.',
  haveTicketLegend: 'Avez-vous déjà un code de billet ?',
  haveTicketHint: 'Si oui, écrivez-le ici. Sinon, laissez vide et répondez aux questions ci-dessous.',
  noTicketHeading: 'Pas de code ?',
  noTicketIntro:
    'Répondez si vous le voulez : tout est facultatif. Nous vous donnons un code pour la prochaine fois.',
  participantLegend: 'Vous venez comme…',
  participants: {
    resident: 'Personne qui vit dans la région',
    professional: 'Professionnel·le (travailleur social, enseignant, bénévole…)',
  },
  submitWalkIn: 'Indiquer ma présence',
  presentTitle: 'Présence enregistrée',
  presentAlready: 'Votre présence était déjà enregistrée. Merci !',
  walkInTicket:
    'Voici votre code de billet. La prochaine fois, écrivez-le dans ce formulaire : ainsi vous êtes compté·e une seule fois.',
  scanAgainTitle: 'Scannez à nouveau le code QR',
  scanAgainText:
    'Le code QR change toutes les 20 secondes. Scannez à nouveau le code QR montré par les organisateurs.',
  checkinNotYet: 'L’enregistrement des présences ouvre 15 minutes avant le début.',
  checkinEnded: 'Cette rencontre est terminée.',

  feedbackTitle: 'Votre avis',
  feedbackIntro: 'Deux questions. Votre réponse est anonyme : personne ne sait qui l’a donnée.',
  feedbackNotYet: 'Vous pourrez donner votre avis une fois la rencontre commencée.',
  usefulQuestion: 'La rencontre vous a-t-elle été utile ?',
  understoodQuestion: 'Avez-vous compris ce qui a été dit ?',
  scale: ['Pas du tout', 'Un peu', 'Assez', 'Beaucoup', 'Énormément'],
  answerRequired: 'Choisissez une réponse.',
  submitFeedback: 'Envoyer mon avis',
  feedbackThanks: 'Merci ! Votre avis a été enregistré.',
  feedbackAlready: 'Un avis a déjà été donné avec ce code. Merci !',

  safetyTitle: 'Naviguer en sécurité',
  safety: [
    {
      heading: 'Sortir vite',
      text: 'Le bouton « Sortir vite », en haut de chaque page, ouvre une page météo. Avec un clavier : appuyez deux fois sur Échap.',
    },
    {
      heading: 'Fenêtre privée',
      text: 'Si d’autres personnes utilisent le même téléphone ou ordinateur, ouvrez ces pages dans une fenêtre de navigation privée : quand vous la fermez, il ne reste pas d’historique.',
    },
    {
      heading: 'Historique',
      text: 'Sinon, après votre visite, effacez l’historique du navigateur, ou seulement les pages de ce site.',
    },
    {
      heading: 'Téléphone partagé',
      text: 'Votre code de billet est personnel. Si quelqu’un regarde votre téléphone, écrivez-le sur un papier au lieu de prendre une photo.',
    },
    {
      heading: 'Ce que nous ne gardons pas',
      text: 'Ces pages n’utilisent pas de cookies et n’appellent pas d’autres sites. Vous pouvez vous inscrire sans nom et sans téléphone.',
    },
  ],

  privacyTitle: 'Informations sur la protection des données',
  privacy: (controller) => [
    {
      heading: 'Qui traite les données',
      text: controller
        ? `${controller}, qui organise cette rencontre.`
        : 'L’organisme qui organise chaque rencontre : son nom est sur la page de la rencontre.',
    },
    {
      heading: 'Pourquoi',
      text: 'Pour vous inscrire, pour enregistrer votre présence et pour compter combien de personnes ont participé. Les comptes ne contiennent pas de noms.',
    },
    {
      heading: 'Base légale',
      text: 'Une mission d’intérêt public des services sociaux du territoire (article 6, paragraphe 1, point e, du règlement UE 2016/679, RGPD).',
    },
    {
      heading: 'Quelles données',
      text: 'Nom et téléphone seulement si vous les écrivez : ils sont conservés chiffrés. Sans nom, nous ne gardons ni l’un ni l’autre. Genre, âge et nationalité seulement par groupes, si vous répondez. Votre avis est anonyme.',
    },
    {
      heading: 'Qui les voit',
      text: 'Seulement les organisateurs de la rencontre. Aucune donnée ne va vers d’autres sites ni hors de l’Union européenne.',
    },
    {
      heading: 'Combien de temps',
      text: 'Jusqu’à la fin du projet et de ses rapports. Ensuite, le nom et le téléphone sont effacés : seuls les totaux restent.',
    },
    {
      heading: 'Vos droits',
      text: 'Vous pouvez demander à voir, corriger ou effacer vos données et vous opposer à leur utilisation, en écrivant à l’organisme qui organise. Vous pouvez porter plainte auprès de l’autorité italienne de protection des données, le Garante (www.garanteprivacy.it).',
    },
    {
      heading: 'Annuler',
      text: 'Vous pouvez annuler votre inscription à tout moment avec votre code de billet, sur la page de la rencontre.',
    },
  ],
};
