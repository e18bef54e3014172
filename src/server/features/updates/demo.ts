// Demo Community Updates: fictional news from the demo groups, written by their coordinators in the groups'
// languages, marked as demo. Runs after the demo groups and finds them by querying; without any, it does nothing.
import type { Db } from '../../db/connection';
import { markdownInsert } from '../../markdown/stored';

interface DemoUpdate {
  title: string;
  body: string;
}

// One fictional update per language; a group gets the first of its languages found here.
const TEMPLATES: Record<string, DemoUpdate> = {
  es: {
    title: 'Primer taller de liderazgo comunitario',
    body: `Este sábado reunimos a **18 personas** editoras en un taller de medio día sobre liderazgo comunitario.

Trabajamos con la *Definición de Liderazgo* y el autodiagnóstico de la Sección 1 del Plan de Desarrollo del Liderazgo:

- cada participante identificó dos habilidades que quiere fortalecer;
- formamos tres grupos de mentoría entre pares;
- acordamos volver a vernos dentro de un mes.

Las notas están en la página del grupo en [Meta-Wiki](https://meta.wikimedia.org/wiki/Leadership_Development_Network).`,
  },
  'pt-br': {
    title: 'Tradução do Plano de Desenvolvimento de Liderança',
    body: `Concluímos a tradução da **Seção 1** do Plano de Desenvolvimento de Liderança para o português.

Próximos passos:

1. revisão por duas pessoas da comunidade;
2. adaptação dos exemplos ao contexto brasileiro;
3. tradução da Seção 2 até o fim do trimestre.

Quem quiser ajudar na revisão pode escrever no canal do Telegram da rede.`,
  },
  ar: {
    title: 'ترجمة تعريف القيادة إلى العربية',
    body: `أنهى فريقنا ترجمة **تعريف القيادة** إلى العربية، ونعمل الآن على مراجعتها مع متطوعين من ثلاث دول.

ما تعلمناه:

- بعض المصطلحات تحتاج إلى شرح محلي بدل الترجمة الحرفية؛
- المراجعة الجماعية عبر الإنترنت أسرع من المراجعة الفردية.

سنشارك النسخة النهائية في اللقاء القادم للسفراء.`,
  },
  fr: {
    title: 'Un premier cours WikiLearn en français',
    body: `Nous avons commencé à adapter le programme de la **Section 3** du Plan de développement du leadership en un cours sur WikiLearn.

Le cours comptera quatre modules :

1. Définir : qui sont les personnes apprenantes ?
2. Concevoir : objectifs et format ;
3. Développer : supports et animation ;
4. Évaluer : ce qui a changé.

Une première session pilote est prévue avec une dizaine de bénévoles.`,
  },
  ru: {
    title: 'Встреча послов региона',
    body: `Послы групп региона провели онлайн-встречу и обсудили, как адаптировать **План развития лидерства** к местным условиям.

Договорились:

- собирать истории успешных местных инициатив;
- перевести анкету самооценки на казахский язык;
- встречаться раз в два месяца.`,
  },
  en: {
    title: 'A mentoring circle for new organizers',
    body: `We started a **mentoring circle** for people who organize their first edit-a-thon.

Each new organizer is paired with an experienced one for three months. We use the leadership skills list from the Leadership Development Plan to choose what to work on first: *facilitation*, *volunteer management* and *self-care and burnout prevention* came up most often.

Want to start one in your group? Ask us in the network's Telegram channel: https://t.me/+RjYP6Cp06zI4MTQy`,
  },
};

const DAY = 86_400_000;

export async function loadDemoUpdates(db: Db): Promise<void> {
  const groups = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', (j) => j.onRef('m.community_id', '=', 'c.id').on('m.role', '=', 'coordinator'))
    .select(['c.id', 'c.languages', 'm.user_id'])
    .where('c.is_demo', '=', true)
    .orderBy('c.id')
    .orderBy('m.user_id')
    .execute();
  const used = new Set<string>();
  const seenGroups = new Set<number>();
  const now = Date.now();
  const rows: (ReturnType<typeof markdownInsert<'body', 'body'>> & {
    community_id: number;
    author_id: number;
    title: string;
    body: string;
    language: string;
    is_demo: boolean;
    published_at: Date;
    updated_at: Date;
  })[] = [];
  for (const g of groups) {
    if (seenGroups.has(g.id)) continue;
    const language = g.languages.find((l) => TEMPLATES[l] && !used.has(l));
    const template = language === undefined ? undefined : TEMPLATES[language];
    if (!language || !template) continue;
    seenGroups.add(g.id);
    used.add(language);
    // Spread over the last weeks, whole milliseconds like every published time.
    const at = new Date(now - (rows.length * 6 + 2) * DAY - rows.length * 3_600_000);
    rows.push({
      community_id: g.id,
      author_id: g.user_id,
      ...template,
      ...markdownInsert({ body: template.body }, ['body']),
      language,
      is_demo: true,
      published_at: at,
      updated_at: at,
    });
  }
  if (rows.length) await db.insertInto('updates').values(rows).execute();
}
