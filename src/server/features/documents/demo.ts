// A demo document: a short fictional charter of a volunteers' group (not the network's real texts, which admins
// import), with a heading, a list and a table, three revisions, and translations into Arabic, Spanish and French.
// French translated the first revision and was not updated since: two of its units are outdated. Written by demo
// people (found by querying; without any, it does nothing), through the same applySourceEdits as admins' edits.
import type { Db } from '../../db/connection';
import type { Ctx } from '../../http/context';
import { translator } from '../../http/i18n';
import { splitBlocks } from '../../text/units';
import { applySourceEdits, createDocument } from './source/apply';

export const DEMO_SLUG = 'riverbank-charter';

const TEXT = `## Why we meet

The Riverbank Volunteers clean the banks of our town's river every month. This charter says how we share the work and how newcomers find their place.

## How we work

- Every clean-up has one **host**, who brings the tools and the list of sign-ups.
- Anyone may host; first-time hosts are paired with someone who has hosted before.
- We meet at the old boathouse at nine.

Decisions about dates and places are taken at the monthly meeting by those present.

## Roles

| Role | What it asks | How long |
|---|---|---|
| Host | One morning a month | One clean-up |
| Tool keeper | Keeping the shed in order | Six months |
| Welcomer | Greeting newcomers | Six months |

## Newcomers

A newcomer is welcomed by name, given gloves and asked what they would like to learn.

## Changing this charter

Anyone may propose a change at the monthly meeting.`;

const TITLE = 'The Riverbank Volunteers’ Charter';

/** Unit texts of revision 3 that changed (not minor) after revision 1. */
const REVISED = {
  5: 'Decisions about dates and places are taken at the monthly meeting by those present, and posted on the notice board the same week.',
  11: 'Anyone may propose a change at the monthly meeting; it is adopted when nobody present objects.',
};

type Translations = Record<number, string>;

const FR: Translations = {
  0: 'La charte des Bénévoles de la rive',
  1: '## Pourquoi nous nous réunissons',
  2: 'Les Bénévoles de la rive nettoient chaque mois les berges de la rivière de notre ville. Cette charte dit comment nous partageons le travail et comment les nouveaux venus trouvent leur place.',
  3: '## Notre façon de travailler',
  4: '- Chaque nettoyage a un **hôte**, qui apporte les outils et la liste des inscrits.\n- Tout le monde peut être hôte ; les nouveaux hôtes sont accompagnés par quelqu’un qui l’a déjà été.\n- Rendez-vous au vieux hangar à bateaux à neuf heures.',
  5: 'Les dates et les lieux sont décidés à la réunion mensuelle par les personnes présentes.',
  6: '## Rôles',
  7: '| Rôle | Ce qu’il demande | Durée |\n|---|---|---|\n| Hôte | Une matinée par mois | Un nettoyage |\n| Gardien des outils | Tenir la remise en ordre | Six mois |\n| Accueil | Accueillir les nouveaux venus | Six mois |',
  8: '## Nouveaux venus',
  9: 'Un nouveau venu est accueilli par son prénom, reçoit des gants, et on lui demande ce qu’il aimerait apprendre.',
  10: '## Modifier cette charte',
  11: 'Chacun peut proposer une modification à la réunion mensuelle.',
};

const ES: Translations = {
  0: 'La carta de los Voluntarios de la Ribera',
  1: '## Por qué nos reunimos',
  2: 'Los Voluntarios de la Ribera limpian cada mes las orillas del río de nuestra ciudad. Esta carta explica cómo repartimos el trabajo y cómo las personas recién llegadas encuentran su lugar.',
  3: '## Cómo trabajamos',
  4: '- Cada limpieza tiene una persona **anfitriona**, que trae las herramientas y la lista de inscripciones.\n- Cualquiera puede ser anfitrión; quien lo hace por primera vez va acompañado de alguien con experiencia.\n- Nos encontramos en el viejo cobertizo de botes a las nueve.',
  5: 'Las fechas y los lugares se deciden en la reunión mensual entre las personas presentes, y se publican en el tablón de anuncios esa misma semana.',
  6: '## Funciones',
  7: '| Función | Qué pide | Duración |\n|---|---|---|\n| Anfitrión | Una mañana al mes | Una limpieza |\n| Guardián de herramientas | Mantener ordenado el cobertizo | Seis meses |\n| Bienvenida | Recibir a quienes llegan | Seis meses |',
  8: '## Recién llegados',
  9: 'A quien llega se le recibe por su nombre, se le dan guantes y se le pregunta qué le gustaría aprender.',
  10: '## Cómo cambiar esta carta',
  11: 'Cualquiera puede proponer un cambio en la reunión mensual; se adopta si nadie de los presentes se opone.',
};

const AR: Translations = {
  0: 'ميثاق متطوعي ضفة النهر',
  1: '## لماذا نجتمع',
  2: 'ينظّف متطوعو ضفة النهر ضفاف نهر مدينتنا كل شهر. يبيّن هذا الميثاق كيف نتقاسم العمل وكيف يجد القادمون الجدد مكانهم.',
  3: '## كيف نعمل',
  4: '- لكل حملة تنظيف **مضيف** واحد يُحضر الأدوات وقائمة المسجلين.\n- يمكن لأي شخص أن يكون مضيفًا؛ ويرافق المضيفَ لأول مرة شخصٌ سبق له ذلك.\n- نلتقي عند سقيفة القوارب القديمة في التاسعة.',
  5: 'تُتخذ القرارات بشأن المواعيد والأماكن في الاجتماع الشهري من قِبل الحاضرين، وتُعلَّق على لوحة الإعلانات في الأسبوع نفسه.',
  6: '## الأدوار',
  7: '| الدور | ما يتطلبه | المدة |\n|---|---|---|\n| المضيف | صباح واحد في الشهر | حملة تنظيف واحدة |\n| أمين الأدوات | الحفاظ على ترتيب السقيفة | ستة أشهر |\n| المستقبِل | الترحيب بالقادمين الجدد | ستة أشهر |',
  8: '## القادمون الجدد',
  9: 'يُرحَّب بالقادم الجديد باسمه، ويُعطى قفازات، ويُسأل عمّا يحب أن يتعلمه.',
  10: '## تعديل هذا الميثاق',
  11: 'يمكن لأي شخص أن يقترح تعديلًا في الاجتماع الشهري، ويُعتمد إذا لم يعترض أحد من الحاضرين.',
};

/** A context for work the demo does on someone's behalf inside the demo's transaction. */
const demoCtx = (db: Db, actorId: number, now: Date): Ctx =>
  ({
    actor: { id: actorId, username: '', displayName: '', roles: ['admin'], timeZone: null, uiLanguage: null },
    via: null,
    sessionId: null,
    ip: null,
    lang: 'en',
    t: translator('en'),
    db,
    now,
  }) as unknown as Ctx;

async function translate(
  db: Db,
  documentId: number,
  language: string,
  texts: Translations,
  who: number,
  at: Date,
  sourceRevision: (unitId: number) => number,
  proofread: { by: number; units: number[] } | null = null,
) {
  await db
    .insertInto('document_languages')
    .values({ document_id: documentId, language })
    .onConflict((oc) => oc.columns(['document_id', 'language']).doNothing())
    .execute();
  const rows = await db
    .insertInto('unit_translations')
    .values(
      Object.entries(texts).map(([unit, text]) => ({
        document_id: documentId,
        unit_id: Number(unit),
        language,
        text,
        revision: 1,
        source_revision: sourceRevision(Number(unit)),
        translated_by: who,
        updated_at: at,
        proofread_by: proofread?.units.includes(Number(unit)) ? proofread.by : null,
        proofread_at: proofread?.units.includes(Number(unit)) ? at : null,
      })),
    )
    .returning(['id', 'text', 'source_revision'])
    .execute();
  await db
    .insertInto('unit_translation_texts')
    .values(
      rows.map((r) => ({
        translation_id: r.id,
        revision: 1,
        text: r.text,
        source_revision: r.source_revision,
        created_by: who,
        created_at: at,
      })),
    )
    .execute();
  const lang = await db
    .selectFrom('document_languages')
    .select('id')
    .where('document_id', '=', documentId)
    .where('language', '=', language)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('follows')
    .values({ user_id: who, subject_type: 'document_language', subject_id: lang.id, created_at: at })
    .execute();
}

export async function loadDemoDocuments(db: Db): Promise<void> {
  const people = await db.selectFrom('users').select('id').where('is_demo', '=', true).orderBy('id').limit(4).execute();
  const [editor, a, b, c] = people.map((p) => p.id);
  if (editor === undefined || a === undefined || b === undefined || c === undefined) return;
  const day = 24 * 3600 * 1000;
  const start = Date.now() - 40 * day;
  const ctx = (at: number) => demoCtx(db, editor, new Date(at));
  const { id } = await createDocument(ctx(start), db, {
    slug: DEMO_SLUG,
    title: TITLE,
    blocks: splitBlocks(TEXT),
    summary: 'First text, as adopted at the spring meeting',
  });
  await db
    .updateTable('documents')
    .set({ priority_languages: ['ar', 'es', 'fr'] })
    .where('id', '=', id)
    .execute();
  // French translated the first revision.
  await translate(db, id, 'fr', FR, c, new Date(start + 3 * day), () => 1, { by: b, units: [0, 1, 2, 3] });
  await applySourceEdits(
    ctx(start + 10 * day),
    db,
    id,
    [
      {
        op: 'change',
        unitId: 9,
        text: 'A newcomer is welcomed by name, given gloves, and asked what they would like to learn.',
      },
    ],
    { summary: 'Typo', minor: true, baseRevision: 1 },
  );
  await applySourceEdits(
    ctx(start + 20 * day),
    db,
    id,
    Object.entries(REVISED).map(([unit, text]) => ({ op: 'change' as const, unitId: Number(unit), text })),
    { summary: 'Decisions are posted; how a change is adopted', baseRevision: 2 },
  );
  // Arabic and Spanish translated the revised text; Spanish is partly proofread.
  const revised = (unit: number) => (unit in REVISED ? 3 : 1);
  await translate(db, id, 'ar', AR, a, new Date(start + 25 * day), revised);
  await translate(db, id, 'es', ES, b, new Date(start + 26 * day), revised, { by: a, units: [0, 2, 4, 7] });
}
