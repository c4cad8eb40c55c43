import type { SiteWords } from '../site-words.js';

export const AR: SiteWords = {
  languageName: 'العربية',
  siteName: 'شبكة Trama',
  tagline: 'خدمات للنساء والعائلات والأجانب المقيمين في منطقتي Treviglio و Romano di Lombardia',
  skipToContent: 'انتقل إلى المحتوى',
  languageNav: 'اللغة',
  mainNav: 'القائمة الرئيسية',
  quickExit: 'خروج سريع',
  quickExitHelp: 'زر «خروج سريع» يفتح صفحة عن الطقس. يمكنك أيضًا الضغط على زر Esc مرتين.',

  menuHome: 'الرئيسية',
  menuHelp: 'أين تجد المساعدة',
  menuNews: 'الأخبار',
  menuEvents: 'اللقاءات',
  menuSafety: 'التصفح بأمان',

  emergencyTitle: 'هل أنت في خطر؟',
  emergency112: 'في حالة الطوارئ: اتصل بالرقم 112',
  helpline1522:
    'عنف أو ملاحقة مستمرة (ستوكينغ): اتصل بالرقم 1522. الاتصال مجاني، ويُرَدّ عليك ليلًا ونهارًا، وبلغات أخرى أيضًا.',

  notTranslated: (languageName) =>
    `هذه الصفحة غير مترجمة بعد إلى ${languageName}. تجدها هنا باللغة الإيطالية.`,

  newsTitle: 'الأخبار',
  newsIntro: 'آخر أخبار شبكة الخدمات.',
  newsEmpty: 'لا توجد أخبار بعد.',
  readMore: 'اقرأ المزيد',
  publishedOn: (day) => `تاريخ النشر: ${day}`,

  servicesTitle: 'خدمات الشبكة',
  servicesIntro: 'يمكنك الاتصال بهذه الخدمات. هي مجانية. اطلب أن تتكلم بلغتك.',
  servicesEmpty: 'قائمة الخدمات لم تُنشر بعد. اتصل بالرقم 1522.',
  phoneLabel: 'الهاتف',
  hoursLabel: 'أوقات العمل',
  languagesLabel: 'اللغات المستخدمة',
  municipalityLabel: 'البلدية',
  mapTitle: 'أين توجد الخدمات',

  eventsTitle: 'لقاءات وورش عمل',
  eventsLink: 'شاهد جدول اللقاءات',

  notFoundTitle: 'الصفحة غير موجودة',
  notFoundText: 'هذه الصفحة غير موجودة أو لم تعد منشورة.',
  backHome: 'العودة إلى الصفحة الرئيسية',

  previewBanner: 'معاينة: هذه الصفحة غير منشورة.',

  footerAccessibility: 'بيان إمكانية الوصول',
  footerFeedback: 'أبلغ عن مشكلة في إمكانية الوصول',
  footerPrivacy: 'الخصوصية',
  footerSafety: 'كيف تتصفح بأمان',
  footerFeed: 'الأخبار بصيغة RSS',

  safetyTitle: 'كيف تتصفح بأمان',
  safety: [
    {
      heading: 'خروج سريع',
      text: 'زر «خروج سريع» في أعلى كل صفحة يفتح صفحة عن الطقس. باستخدام لوحة المفاتيح: اضغط Esc مرتين. إذا رجعت إلى الخلف، لن تظهر هذه الصفحة من جديد.',
    },
    {
      heading: 'سجل التصفح',
      text: 'هاتفك أو الكمبيوتر يتذكر الصفحات التي تفتحها. استخدم نافذة تصفح خاصة (متخفية)، أو امسح سجل التصفح بعد زيارتك.',
    },
    {
      heading: 'هاتف آمن',
      text: 'إذا كنت تظن أن أحدًا يراقب هاتفك، فاستخدم هاتف شخص تثق به أو هاتف إحدى الخدمات، أو اتصل بالرقم 1522.',
    },
    {
      heading: 'هذا الموقع',
      text: 'لا يستخدم ملفات تعريف الارتباط (الكوكيز) ولا يرسل بيانات إلى مواقع أخرى. ولا يسألك عن اسمك.',
    },
  ],

  menuVideos: 'دليل الفيديو',
  videosTitle: 'دليل الممارسات الجيدة بالفيديو',
  videosIntro:
    'فيديوهات قصيرة عن طريقة عمل خدمات الشبكة: كل فصل يعرض ممارسة واحدة، مع ترجمة على الشاشة ونص مكتوب.',
  videosEmpty: 'دليل الفيديو لم يُنشر بعد.',
  chapterLabel: (number) => `الفصل ${number}`,
  workPackages: {
    wp1: 'شبكة مناهضة العنف «Non sei sola»',
    wp2: 'حماية الأطفال',
    wp3: 'المجتمع والمواطنة الفاعلة',
    wp4: 'الفريق العلاجي متعدد الثقافات والبحث',
    wp5: 'الاستقلالية والعمل والسكن',
    wp6: 'الإدارة والاستدامة',
    wp7: 'التواصل ونشر النتائج',
  },
  workPackageLabel: 'مجال العمل',
  practiceLabel: 'الممارسة المعروضة',
  noVideoSupport: 'متصفحك لا يستطيع تشغيل هذا الفيديو. اقرأ النص المكتوب في الأسفل.',
  partsTitle: 'أجزاء الفيديو',
  transcriptTitle: 'النص المكتوب',
  transcriptHelp: 'اختر سطرًا ليبدأ الفيديو من تلك النقطة.',
  descriptionLabel: 'الصورة',
  audioDescription: 'اقرأ وصف الصور بصوت عالٍ',
  transcriptInItalian: (languageName) =>
    `النص المكتوب غير متوفر بعد باللغة ${languageName}. تجده هنا باللغة الإيطالية.`,
  searchLabel: 'ابحث في الفيديوهات',
  searchButton: 'ابحث',
  searchResultsTitle: (query) => `نتائج البحث عن «${query}»`,
  searchEmpty: 'لا يوجد فيديو يقول هذه الكلمات.',
  atTime: (time) => `في الدقيقة ${time}`,

  menuConferences: 'المؤتمرات',
  conferencesTitle: 'المؤتمرات',
  conferencesIntro:
    'مؤتمرات الشبكة: البرنامج، ومن يتحدث، وكيف تسجّل. بعد المؤتمر: الوثائق والتسجيلات الصوتية والمرئية.',
  conferencesEmpty: 'لا توجد مؤتمرات منشورة بعد.',
  whenLabel: 'متى',
  whereLabel: 'أين',
  programmeTitle: 'البرنامج',
  speakersTitle: 'من يتحدث',
  materialsTitle: 'الوثائق',
  recordingsTitle: 'التسجيلات الصوتية والمرئية',
  documentSize: (size) => `PDF, ${size}`,
  register: 'سجّل',
  registrationClosed: 'التسجيل مغلق.',
  conferenceCancelled: 'تم إلغاء المؤتمر.',
  giveFeedback: 'أخبرنا برأيك في المؤتمر',
  feedbackHelp: 'تحتاج إلى رمز تذكرتك ودقيقة واحدة. رأيك مجهول الهوية.',

  shareTitle: 'شارك',
  shareEmail: 'البريد الإلكتروني',
  privacyTitle: 'الخصوصية',
  privacy: [
    {
      heading: 'ما الذي نجمعه',
      text: 'لا شيء يدل على هويتك: لا كوكيز، ولا عدّاد زيارات، ولا خدمات من مواقع أخرى. يحتفظ الخادم لبضعة أيام بعنوان الشبكة (عنوان IP) للزوار، ليحمي نفسه من الهجمات.',
    },
    {
      heading: 'من المسؤول عن البيانات',
      text: 'الجهات التابعة لشبكة الخدمات في منطقتي Treviglio و Romano di Lombardia. ويجيب مسؤول حماية البيانات عن أسئلتك.',
    },
    {
      heading: 'حقوقك',
      text: 'يمكنك أن تسأل عن البيانات التي لدينا، وأن تطلب تصحيحها أو حذفها، وأن تقدم شكوى إلى الهيئة الإيطالية لحماية البيانات (Garante).',
    },
  ],
};
