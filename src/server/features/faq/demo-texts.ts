// The first FAQ about the network, from its founding text on Meta-Wiki (real answers, so not marked as demo), in
// every interface language, the same questions in the same order. Admins change and extend it.

const TELEGRAM = 'https://t.me/+RjYP6Cp06zI4MTQy';
const META = 'https://meta.wikimedia.org/wiki/Leadership_Development_Network';

type Entry = [question: string, answer: string];

const EN: Entry[] = [
  [
    'What is the Leadership Development Network?',
    `The Leadership Development Network (LDN) carries out the **Leadership Development Plan** in a decentralized, community-centric way. The plan and a shared **Leadership Definition** were written by the Leadership Development Working Group, fifteen volunteers from all eight Wikimedia regions.

The network spreads a shared understanding of movement leadership, builds an active community of leadership experts and practitioners, and improves both documents through its partners' trials and errors, so that they fit regional Wikimedia contexts. Read more on [the network's page on Meta-Wiki](${META}).`,
  ],
  [
    'How do I join?',
    `1. Create an account on this platform (or log in with your Wikimedia account).
2. Fill in your profile: languages, region and what leadership skills interest you.
3. Join your Wikimedia group, or register it if it is not listed yet. Affiliates and non-affiliate groups are both welcome, and you can belong to several groups or to none.
4. Join the network's Telegram channel: ${TELEGRAM}`,
  ],
  [
    'What do ambassadors do?',
    `Each partner group designates one or more **ambassadors**. Ambassadors meet online periodically, share what their communities learn, and bring the network's work home: localizing the Leadership Definition and the Leadership Development Plan, preparing and translating WikiLearn courses, and supporting local leadership development initiatives.`,
  ],
  [
    'How does a group become a partner, and how are ambassadors designated?',
    `Any affiliate or non-affiliate organized group interested in movement leadership can become a partner. Register the group on this platform and tell the network's admins, for example in the Telegram channel; an admin then marks the group as an LDN partner.

The coordinators of a partner group designate its ambassadors from the group's members, with a start date and an optional end date. Every designation, and every end of one, stays visible in the group's history.`,
  ],
  [
    'Where is the Telegram channel?',
    `The network's Telegram channel, *Leadership Development Network Pioneers*, is at ${TELEGRAM}. Everyone interested in leadership in the Wikimedia movement is welcome.`,
  ],
  [
    'Can we change the documents for our community?',
    `Yes. Both the Leadership Definition and the Leadership Development Plan are a work in progress meant to be adapted. Partners translate them, or copy them to their local wiki and change them for regional needs, and share what they learn with the rest of the network.`,
  ],
];

const ES: Entry[] = [
  [
    '¿Qué es la Red de Desarrollo del Liderazgo?',
    `La Red de Desarrollo del Liderazgo (LDN) lleva a la práctica el **Plan de Desarrollo del Liderazgo** de forma descentralizada y centrada en las comunidades. El plan y una **Definición de Liderazgo** compartida los escribió el Grupo de Trabajo de Desarrollo del Liderazgo, quince personas voluntarias de las ocho regiones de Wikimedia.

La red difunde una comprensión compartida del liderazgo en el movimiento, forma una comunidad activa de expertos y practicantes, y mejora ambos documentos con la experiencia de sus socios para adaptarlos a los contextos regionales. Más información en [la página de la red en Meta-Wiki](${META}).`,
  ],
  [
    '¿Cómo me uno?',
    `1. Crea una cuenta en esta plataforma (o entra con tu cuenta de Wikimedia).
2. Completa tu perfil: idiomas, región y las habilidades de liderazgo que te interesan.
3. Únete a tu grupo de Wikimedia, o regístralo si todavía no aparece. Son bienvenidos tanto los afiliados como los grupos no afiliados, y puedes pertenecer a varios grupos o a ninguno.
4. Únete al canal de Telegram de la red: ${TELEGRAM}`,
  ],
  [
    '¿Qué hacen los embajadores?',
    `Cada grupo socio designa uno o más **embajadores**. Se reúnen en línea periódicamente, comparten lo que aprenden sus comunidades y llevan el trabajo de la red a su entorno: localizan la Definición de Liderazgo y el Plan, preparan y traducen cursos en WikiLearn y apoyan iniciativas locales de desarrollo del liderazgo.`,
  ],
  [
    '¿Cómo se convierte un grupo en socio y cómo se designan los embajadores?',
    `Cualquier grupo organizado, afiliado o no, interesado en el liderazgo del movimiento puede ser socio. Registra el grupo en esta plataforma y avisa a los administradores de la red, por ejemplo en el canal de Telegram; un administrador marca entonces el grupo como socio de la LDN.

Los coordinadores de un grupo socio designan a sus embajadores entre los miembros del grupo, con una fecha de inicio y, si se quiere, una fecha de fin. Cada designación, y cada final, queda visible en el historial del grupo.`,
  ],
  [
    '¿Dónde está el canal de Telegram?',
    `El canal de Telegram de la red, *Leadership Development Network Pioneers*, está en ${TELEGRAM}. Toda persona interesada en el liderazgo en el movimiento Wikimedia es bienvenida.`,
  ],
  [
    '¿Podemos adaptar los documentos a nuestra comunidad?',
    `Sí. La Definición de Liderazgo y el Plan de Desarrollo del Liderazgo son documentos en evolución, pensados para adaptarse. Los socios los traducen, o los copian en su wiki local y los cambian según las necesidades de su región, y comparten lo aprendido con el resto de la red.`,
  ],
];

const AR: Entry[] = [
  [
    'ما هي شبكة تطوير القيادة؟',
    `تنفّذ شبكة تطوير القيادة (LDN) **خطة تطوير القيادة** بطريقة لا مركزية تتمحور حول المجتمعات. كتب الخطةَ و**تعريفَ القيادة** المشترك فريقُ عمل تطوير القيادة، وهم خمسة عشر متطوعًا ومتطوعة من مناطق ويكيميديا الثماني كلها.

تنشر الشبكة فهمًا مشتركًا للقيادة في الحركة، وتبني مجتمعًا نشطًا من خبراء القيادة وممارسيها، وتحسّن الوثيقتين بما يتعلمه شركاؤها من تجاربهم وأخطائهم، حتى تلائما سياقات ويكيميديا في كل منطقة. اقرأ المزيد في [صفحة الشبكة على ميتا ويكي](${META}).`,
  ],
  [
    'كيف أنضم؟',
    `1. أنشئ حسابًا على هذه المنصة (أو سجّل الدخول بحسابك في ويكيميديا).
2. أكمل ملفك الشخصي: لغاتك ومنطقتك ومهارات القيادة التي تهمك.
3. انضم إلى مجموعتك في ويكيميديا، أو سجّلها إن لم تكن مدرجة بعد. المنتسبون والمجموعات غير المنتسبة مرحَّب بهم على حد سواء، ويمكنك أن تنتمي إلى عدة مجموعات أو إلى لا مجموعة.
4. انضم إلى قناة الشبكة على تيليغرام: ${TELEGRAM}`,
  ],
  [
    'ماذا يفعل السفراء؟',
    `تعيّن كل مجموعة شريكة **سفيرًا** واحدًا أو أكثر. يلتقي السفراء عبر الإنترنت بصورة دورية، ويتبادلون ما تتعلمه مجتمعاتهم، وينقلون عمل الشبكة إلى مجتمعاتهم: يوطّنون تعريف القيادة وخطة تطوير القيادة، ويُعدّون دورات WikiLearn ويترجمونها، ويدعمون مبادرات تطوير القيادة المحلية.`,
  ],
  [
    'كيف تصبح مجموعة شريكة، وكيف يُعيَّن السفراء؟',
    `يمكن لأي مجموعة منظَّمة، منتسبة أو غير منتسبة، تهتم بالقيادة في الحركة أن تصبح شريكة. سجّل المجموعة على هذه المنصة وأخبر مشرفي الشبكة، في قناة تيليغرام مثلًا؛ فيعلّم أحد المشرفين المجموعة شريكةً في الشبكة.

يعيّن منسقو المجموعة الشريكة سفراءها من بين أعضائها، بتاريخ بداية وتاريخ نهاية اختياري. ويبقى كل تعيين، وكل انتهاء له، ظاهرًا في سجل المجموعة.`,
  ],
  [
    'أين قناة تيليغرام؟',
    `قناة الشبكة على تيليغرام، *Leadership Development Network Pioneers*، على العنوان ${TELEGRAM}. كل من يهتم بالقيادة في حركة ويكيميديا مرحَّب به.`,
  ],
  [
    'هل يمكننا تكييف الوثيقتين لمجتمعنا؟',
    `نعم. تعريف القيادة وخطة تطوير القيادة كلاهما عمل مستمر أُعدّ ليُكيَّف. يترجمهما الشركاء، أو ينسخونهما إلى ويكيهم المحلي ويعدّلونهما وفق احتياجات منطقتهم، ثم يشاركون ما تعلموه مع بقية الشبكة.`,
  ],
];

const FR: Entry[] = [
  [
    'Qu’est-ce que le Réseau de développement du leadership ?',
    `Le Réseau de développement du leadership (LDN) met en œuvre le **plan de développement du leadership** de façon décentralisée et centrée sur les communautés. Le plan et une **définition du leadership** commune ont été rédigés par le groupe de travail sur le développement du leadership, quinze bénévoles venus des huit régions Wikimedia.

Le réseau diffuse une compréhension commune du leadership dans le mouvement, fait vivre une communauté active d’experts et de praticiens du leadership, et améliore les deux documents grâce aux essais et aux erreurs de ses partenaires, pour qu’ils s’adaptent aux contextes régionaux de Wikimedia. Pour en savoir plus, consultez [la page du réseau sur Meta-Wiki](${META}).`,
  ],
  [
    'Comment rejoindre le réseau ?',
    `1. Créez un compte sur cette plateforme (ou connectez-vous avec votre compte Wikimedia).
2. Complétez votre profil : langues, région et compétences de leadership qui vous intéressent.
3. Rejoignez votre groupe Wikimedia, ou enregistrez-le s’il n’est pas encore dans la liste. Affiliés et groupes non affiliés sont tous les bienvenus, et vous pouvez appartenir à plusieurs groupes ou à aucun.
4. Rejoignez le canal Telegram du réseau : ${TELEGRAM}`,
  ],
  [
    'Que font les ambassadeurs ?',
    `Chaque groupe partenaire désigne un ou plusieurs **ambassadeurs**. Les ambassadeurs se réunissent en ligne régulièrement, partagent ce que leurs communautés apprennent et font vivre le travail du réseau chez eux : ils localisent la définition du leadership et le plan de développement du leadership, préparent et traduisent des cours WikiLearn, et soutiennent les initiatives locales de développement du leadership.`,
  ],
  [
    'Comment un groupe devient-il partenaire, et comment les ambassadeurs sont-ils désignés ?',
    `Tout groupe organisé, affilié ou non, qui s’intéresse au leadership dans le mouvement peut devenir partenaire. Enregistrez le groupe sur cette plateforme et prévenez les administrateurs du réseau, par exemple sur le canal Telegram ; un administrateur marque alors le groupe comme partenaire du LDN.

Les coordinateurs d’un groupe partenaire désignent ses ambassadeurs parmi les membres du groupe, avec une date de début et, s’ils le souhaitent, une date de fin. Chaque désignation, et chaque fin de mandat, reste visible dans l’historique du groupe.`,
  ],
  [
    'Où se trouve le canal Telegram ?',
    `Le canal Telegram du réseau, *Leadership Development Network Pioneers*, se trouve à l’adresse ${TELEGRAM}. Toute personne qui s’intéresse au leadership dans le mouvement Wikimedia y est la bienvenue.`,
  ],
  [
    'Pouvons-nous adapter les documents à notre communauté ?',
    `Oui. La définition du leadership et le plan de développement du leadership sont des documents en évolution, faits pour être adaptés. Les partenaires les traduisent, ou les copient sur leur wiki local et les modifient selon les besoins de leur région, puis partagent ce qu’ils ont appris avec le reste du réseau.`,
  ],
];

const HI: Entry[] = [
  [
    'नेतृत्व विकास नेटवर्क क्या है?',
    `नेतृत्व विकास नेटवर्क (LDN) **नेतृत्व विकास योजना** को विकेंद्रीकृत और समुदाय-केंद्रित तरीके से लागू करता है। यह योजना और एक साझा **नेतृत्व परिभाषा** नेतृत्व विकास कार्य समूह ने लिखी थी, जिसमें विकिमीडिया के सभी आठ क्षेत्रों के पंद्रह स्वयंसेवक थे।

नेटवर्क आंदोलन में नेतृत्व की एक साझा समझ फैलाता है, नेतृत्व के विशेषज्ञों और अभ्यासकर्ताओं का एक सक्रिय समुदाय बनाता है, और अपने साझेदारों के प्रयोगों और गलतियों से दोनों दस्तावेज़ों को बेहतर बनाता है, ताकि वे विकिमीडिया के क्षेत्रीय संदर्भों के अनुकूल हों। अधिक जानकारी के लिए [मेटा-विकि पर नेटवर्क का पृष्ठ](${META}) पढ़ें।`,
  ],
  [
    'मैं कैसे जुड़ूँ?',
    `1. इस प्लेटफ़ॉर्म पर खाता बनाएँ (या अपने विकिमीडिया खाते से लॉग इन करें)।
2. अपनी प्रोफ़ाइल भरें: भाषाएँ, क्षेत्र और नेतृत्व के वे कौशल जिनमें आपकी रुचि है।
3. अपने विकिमीडिया समूह से जुड़ें, या अगर वह अभी सूची में नहीं है तो उसे पंजीकृत करें। संबद्ध संगठनों और गैर-संबद्ध समूहों, दोनों का स्वागत है, और आप कई समूहों के सदस्य हो सकते हैं या किसी के भी नहीं।
4. नेटवर्क के टेलीग्राम चैनल से जुड़ें: ${TELEGRAM}`,
  ],
  [
    'राजदूत क्या करते हैं?',
    `हर साझेदार समूह एक या अधिक **राजदूत** नियुक्त करता है। राजदूत समय-समय पर ऑनलाइन मिलते हैं, अपने समुदायों की सीख साझा करते हैं, और नेटवर्क के काम को अपने समुदाय तक ले जाते हैं: नेतृत्व परिभाषा और नेतृत्व विकास योजना का स्थानीयकरण, WikiLearn पाठ्यक्रम तैयार करना और उनका अनुवाद, और स्थानीय नेतृत्व विकास पहलों को सहयोग देना।`,
  ],
  [
    'कोई समूह साझेदार कैसे बनता है, और राजदूत कैसे नियुक्त होते हैं?',
    `आंदोलन में नेतृत्व में रुचि रखने वाला कोई भी संगठित समूह, संबद्ध हो या नहीं, साझेदार बन सकता है। समूह को इस प्लेटफ़ॉर्म पर पंजीकृत करें और नेटवर्क के प्रशासकों को बताएँ, जैसे टेलीग्राम चैनल में; फिर कोई प्रशासक समूह को LDN साझेदार के रूप में चिह्नित करता है।

साझेदार समूह के समन्वयक समूह के सदस्यों में से उसके राजदूत नियुक्त करते हैं, एक आरंभ तिथि और चाहें तो एक समाप्ति तिथि के साथ। हर नियुक्ति, और उसकी हर समाप्ति, समूह के इतिहास में दिखती रहती है।`,
  ],
  [
    'टेलीग्राम चैनल कहाँ है?',
    `नेटवर्क का टेलीग्राम चैनल, *Leadership Development Network Pioneers*, ${TELEGRAM} पर है। विकिमीडिया आंदोलन में नेतृत्व में रुचि रखने वाले हर व्यक्ति का स्वागत है।`,
  ],
  [
    'क्या हम अपने समुदाय के लिए दस्तावेज़ों को बदल सकते हैं?',
    `हाँ। नेतृत्व परिभाषा और नेतृत्व विकास योजना, दोनों पर काम चल रहा है और ये ढाले जाने के लिए ही बने हैं। साझेदार इनका अनुवाद करते हैं, या इन्हें अपने स्थानीय विकि पर कॉपी करके क्षेत्रीय ज़रूरतों के अनुसार बदलते हैं, और जो सीखते हैं उसे बाकी नेटवर्क के साथ साझा करते हैं।`,
  ],
];

const RU: Entry[] = [
  [
    'Что такое Сеть развития лидерства?',
    `Сеть развития лидерства (LDN) воплощает **План развития лидерства** децентрализованно, в опоре на сообщества. План и общее **определение лидерства** написала Рабочая группа по развитию лидерства — пятнадцать волонтёров из всех восьми регионов Викимедиа.

Сеть распространяет общее понимание лидерства в движении, собирает активное сообщество экспертов и практиков лидерства и улучшает оба документа на основе опыта, проб и ошибок своих партнёров, чтобы они подходили к региональным условиям Викимедиа. Подробнее — на [странице сети на Мета-вики](${META}).`,
  ],
  [
    'Как присоединиться?',
    `1. Создайте учётную запись на этой платформе (или войдите через учётную запись Викимедиа).
2. Заполните профиль: языки, регион и навыки лидерства, которые вам интересны.
3. Вступите в свою группу Викимедиа или зарегистрируйте её, если её ещё нет в списке. Рады и аффилированным организациям, и неаффилированным группам; можно состоять в нескольких группах или ни в одной.
4. Присоединяйтесь к Telegram-каналу сети: ${TELEGRAM}`,
  ],
  [
    'Чем занимаются послы?',
    `Каждая группа-партнёр назначает одного или нескольких **послов**. Послы регулярно встречаются онлайн, делятся тем, чему учатся их сообщества, и переносят работу сети на местную почву: локализуют определение лидерства и План развития лидерства, готовят и переводят курсы WikiLearn, поддерживают местные инициативы по развитию лидерства.`,
  ],
  [
    'Как группа становится партнёром и как назначаются послы?',
    `Партнёром может стать любая организованная группа, аффилированная или нет, которой интересно лидерство в движении. Зарегистрируйте группу на этой платформе и сообщите администраторам сети, например в Telegram-канале; затем администратор отметит группу как партнёра LDN.

Координаторы группы-партнёра назначают её послов из числа участников группы, с датой начала и, при желании, датой окончания. Каждое назначение и каждое его окончание остаются видны в истории группы.`,
  ],
  [
    'Где найти Telegram-канал?',
    `Telegram-канал сети, *Leadership Development Network Pioneers*, находится по адресу ${TELEGRAM}. Мы рады всем, кому интересно лидерство в движении Викимедиа.`,
  ],
  [
    'Можно ли адаптировать документы для нашего сообщества?',
    `Да. Определение лидерства и План развития лидерства — документы в развитии, созданные для того, чтобы их адаптировали. Партнёры переводят их или копируют в свою местную вики и меняют под нужды своего региона, а затем делятся опытом с остальной сетью.`,
  ],
];

/** The entries of each interface language. */
export const FAQ_TEXTS: Record<string, Entry[]> = { en: EN, ar: AR, es: ES, fr: FR, hi: HI, ru: RU };
