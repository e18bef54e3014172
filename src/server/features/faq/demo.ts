// A first FAQ about the network, from its founding text on Meta-Wiki (real answers, so not marked as demo),
// in English and Spanish (working languages of the working group). Admins change and extend it.
import type { Db } from '../../db/connection';

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

export async function loadDemoFaq(db: Db): Promise<void> {
  const rows = [
    ...EN.map(([question, answer], i) => ({ language: 'en', question, answer, position: i + 1 })),
    ...ES.map(([question, answer], i) => ({ language: 'es', question, answer, position: i + 1 })),
  ];
  await db
    .insertInto('faq_entries')
    .values(rows.map((r) => ({ ...r, is_demo: false, created_by: null })))
    .execute();
}
