// French translation of the guides (translates revision 1 of the English text).
import type { ShippedLanguage } from './types';

export const FR: ShippedLanguage = {
  overview: {
    title: 'Comment mener une initiative de développement du leadership',
    summary:
      'Ce qu’est une initiative de développement du leadership, à qui s’adressent ces guides, et les cinq phases qui mènent d’une idée à un projet achevé et documenté.',
    body: `Une initiative de développement du leadership aide les personnes de votre communauté à grandir en tant que leaders : un atelier d’animation, un cours en ligne, un guide pour les nouveaux organisateurs, un programme de mentorat pour de futurs membres d’un conseil d’administration. Ces guides expliquent comment en mener une, étape par étape.

# D’où viennent ces guides
Le groupe de travail sur le développement du leadership, quinze bénévoles des huit régions Wikimedia, a rédigé en 2022–23 une **Définition du leadership** commune et un **Plan de développement du leadership** (PDL). Le plan comporte trois sections : les rôles et compétences de leadership, avec une auto-évaluation ; faire face aux situations de leadership ; et un guide pas à pas pour lancer une initiative de développement du leadership. Ces guides suivent cette troisième section, avec les mots du réseau.

# À qui ils s’adressent
- Une personne coordinatrice d’un affilié qui veut former celles et ceux qui organiseront les prochains événements.
- Une personne organisatrice communautaire qui voit toujours les mêmes personnes tout faire et veut que d’autres prennent des responsabilités.
- Une personne bénéficiaire d’une subvention, formatrice de métier, qui veut adapter son expérience aux communautés Wikimedia.

Pas besoin d’être expert. Il faut un problème qui vaut la peine d’être résolu et quelques personnes prêtes à y travailler avec vous.

# Les cinq phases
1. **Définir** : qui sont les apprenants, quel problème l’initiative résout, de quelles ressources elle a besoin.
2. **Concevoir** : des objectifs d’apprentissage et un format : atelier, cours en ligne, guide ou mentorat.
3. **Développer** : les supports, les animateurs et les traductions, testés avec quelques personnes.
4. **Mettre en œuvre** : la mener et maintenir l’engagement des participants.
5. **Évaluer** : ce qui a changé, ce que vous avez appris et ce qu’il faut partager.

En pratique, les phases se chevauchent : vous penserez à l’évaluation pendant la conception et modifierez les supports en cours de route. Chaque guide se termine par une liste de contrôle ; sur cette plateforme, une initiative affiche la liste de la phase où elle se trouve.

# Ce que la plateforme apporte
Publiez votre idée sous forme d’initiative pour recevoir des avis tôt. Quand vous êtes prêt, ouvrez un appel à collaborateurs avec des objectifs, des tâches à accomplir et un calendrier. Publiez des nouvelles pour les personnes qui vous suivent, enregistrez l’évaluation à la fin, et votre initiative rejoint les archives des initiatives passées, où d’autres pourront s’en inspirer.

# Quelques principes
- **Commencez petit.** Un atelier de deux heures qui fonctionne apprend davantage qu’un programme d’un an qui ne démarre jamais.
- **Travaillez ouvertement.** Partagez plans, supports et résultats pour que d’autres puissent les réutiliser et les adapter.
- **Prévoyez la relève.** Les bénévoles passent à autre chose. Ayez des co-responsables, prenez des notes et transmettez les rôles quand vous devez vous retirer.
- **Pensez local.** Le leadership varie selon les contextes ; adaptez exemples, langues et formats à votre communauté.
- **Veillez à la sécurité.** Le Code de conduite universel s’applique à tous les espaces, en ligne comme hors ligne.`,
    checklist: {
      'read-ldp':
        'Lisez la Définition du leadership et le Plan de développement du leadership, au moins son guide pas à pas.',
      'look-around':
        'Cherchez des initiatives semblables dans les archives et parlez aux personnes qui les ont menées.',
      'co-lead': 'Trouvez au moins un co-responsable, pour que l’initiative ne dépende pas d’une seule personne.',
      'post-idea': 'Publiez votre idée sur la plateforme pour recevoir des avis tôt.',
    },
  },

  define: {
    title: 'Définir : qui, quel problème, quelles ressources',
    summary:
      'Décidez qui sont les apprenants, quel problème l’initiative résout pour eux et ce dont elle a besoin pour réussir.',
    body: `Les bonnes initiatives partent d’un problème, pas d’un format. Avant de prévoir un atelier ou un cours, sachez clairement qui vous voulez aider et pourquoi.

# Quel problème résout-elle ?
Écrivez le problème en une ou deux phrases, avec les mots des personnes concernées. Par exemple : « Les nouveaux contributeurs de notre région ne deviennent jamais organisateurs d’événements », « Les trois mêmes bénévoles mènent toutes les activités et ils sont fatigués », ou « Le nouveau conseil de notre groupe d’utilisateurs n’a jamais présidé de réunion ». Demandez-vous ensuite comment vous le savez : par des conversations, une enquête, des comptes rendus d’événements ou votre propre expérience. En cas de doute, parlez à quelques personnes avant d’aller plus loin.

# Qui sont les apprenants ?
Soyez précis. Les nouveaux venus, les contributeurs expérimentés qui se lancent dans l’organisation, les membres de conseils d’affiliés et les jeunes bénévoles n’ont pas les mêmes besoins. Décrivez :
- ce qu’ils savent et font déjà ;
- combien de temps ils peuvent donner, et quand ;
- dans quelles langues ils travaillent et la qualité de leur connexion internet ;
- ce qui leur donnerait envie de participer.

Parlez dès maintenant à deux ou trois d’entre eux. C’est le moyen le moins coûteux d’éviter de concevoir la mauvaise chose.

# Quelles compétences ?
La première section du PDL décrit les rôles et compétences de leadership, avec une auto-évaluation qui aide chacun à repérer ses lacunes. Choisissez quelques compétences, comme l’animation, la résolution de conflits, la gestion des bénévoles ou la prise de parole en public, plutôt que le « leadership » en général. Un objectif restreint est plus facile à enseigner et à évaluer.

# Langues, régions et groupes
Indiquez dans quelles langues l’initiative se déroulera, pour quelles régions et quels groupes y participent : affiliés, groupes d’utilisateurs, groupes non affiliés ou personnes sans groupe. Cela détermine qui vous pouvez atteindre et qui peut aider, et permet à d’autres personnes ayant les mêmes besoins de vous trouver.

# De quelles ressources avez-vous besoin ?
- **Des personnes** : co-responsables, animateurs, traducteurs, mentors.
- **Du temps** : combien de semaines, et combien d’heures par semaine les bénévoles peuvent réellement donner.
- **De l’argent**, le cas échéant : lieu, aide à la connexion, supports. Des subventions du mouvement existent pour le développement des compétences et du leadership.
- **Des supports** réutilisables : le PDL et ses traductions, les cours WikiLearn, les sources partagées dans le réseau, la documentation des initiatives passées.

# Mettez-le par écrit
Résumez en un paragraphe : « Pour *ces apprenants*, dans *ces langues et régions*, qui rencontrent *ce problème*, nous aiderons à développer *ces compétences*. Nous avons besoin de *ces ressources*. » Ce paragraphe est votre idée : publiez-la sur la plateforme et demandez des avis.`,
    checklist: {
      problem: 'Écrivez le problème en une ou deux phrases et notez comment vous savez qu’il est réel.',
      learners:
        'Décrivez les apprenants : ce qu’ils savent déjà, le temps dont ils disposent, comment ils se connectent.',
      reach: 'Nommez les langues, les régions et les groupes auxquels s’adresse l’initiative.',
      skills: 'Choisissez les quelques compétences de leadership que l’initiative développera.',
      resources: 'Listez les personnes, le temps, l’argent et les supports nécessaires, et d’où ils pourraient venir.',
      team: 'Trouvez des co-responsables et les personnes dont l’initiative a besoin, pour qu’elle ne repose pas sur une seule personne.',
      idea: 'Publiez l’idée sur la plateforme et demandez des avis.',
    },
  },

  design: {
    title: 'Concevoir : objectifs et format',
    summary:
      'Transformez le problème en objectifs d’apprentissage, choisissez un format (atelier, cours en ligne, guide ou mentorat) et prévoyez comment vous saurez que cela a marché.',
    body: `Pendant la phase de conception, vous décidez ce que les participants apprendront et comment.

# Rédigez des objectifs d’apprentissage
Un objectif dit ce que les participants sauront **faire** ensuite, d’une manière observable. « Les participants savent animer une réunion en ligne d’une heure avec un ordre du jour et des notes partagées » vaut mieux que « les participants comprennent l’animation ». Trois à cinq objectifs suffisent. Chacun doit répondre au problème que vous avez défini.

# Choisissez un format
- **Atelier**, en ligne ou en présentiel : idéal pour pratiquer et recevoir des retours. Il faut des animateurs et un horaire commun ; entre fuseaux horaires, proposez la même séance à deux horaires.
- **Cours en ligne**, par exemple sur WikiLearn : touche beaucoup de personnes à leur rythme et peut être traduit, mais il est long à construire et beaucoup ne le terminent pas sans accompagnement.
- **Guide** ou fiche : peu coûteux à diffuser et à traduire, lisible hors ligne et avec une connexion lente, mais sans pratique.
- **Mentorat** : associe des leaders expérimentés et de nouveaux leaders. Il va en profondeur, mais il est lent et dépend du temps des mentors.

Les formats se combinent bien : un cours court suivi d’un mentorat, ou un atelier accompagné d’un guide à garder.

# Planifiez les séances
Esquissez chaque séance ou chapitre : son objectif, les activités, leur durée et ce que font les participants entre les séances. On apprend le leadership en le pratiquant : utilisez des jeux de rôle, des situations réelles de votre communauté et les situations décrites dans la deuxième section du PDL.

# Pensez à tout le monde
- Langues : lesquelles, et qui traduit.
- Fuseaux horaires et emplois du temps : les bénévoles ont un travail, des études, une famille.
- Connexion : diapositives légères, enregistrements, supports utilisables sur téléphone.
- Accessibilité : sous-titres, documents lisibles, lieux accessibles.
- Sécurité : le Code de conduite universel s’applique ; indiquez comment signaler un problème.

# Prévoyez l’évaluation dès maintenant
Décidez dès maintenant comment vous saurez si cela a marché. L’auto-évaluation du PDL, faite avant et après, est une mesure simple. Prévoyez de compter les personnes touchées par région et par langue, et notez ce que vous aimeriez que les participants fassent ensuite.

# Trouvez des collaborateurs
Listez les tâches à accomplir, comme l’animation, la traduction, le graphisme ou le mentorat, avec le temps que chacune demande. Ouvrez sur la plateforme un appel à collaborateurs avec vos objectifs, ces tâches et un calendrier.`,
    checklist: {
      objectives: 'Rédigez trois à cinq objectifs d’apprentissage qui disent ce que les participants sauront faire.',
      format: 'Choisissez le format et expliquez pourquoi il convient à vos apprenants.',
      syllabus: 'Esquissez les séances ou chapitres, avec les activités et leur durée.',
      inclusion: 'Tenez compte des langues, des fuseaux horaires, des connexions lentes et de l’accessibilité.',
      'evaluation-plan':
        'Décidez comment vous mesurerez le changement, par exemple avec l’auto-évaluation avant et après.',
      call: 'Ouvrez un appel à collaborateurs qui nomme les tâches à accomplir et le calendrier.',
    },
  },

  develop: {
    title: 'Développer : supports, animateurs, traductions',
    summary:
      'Créez ou adaptez les supports, préparez les animateurs, traduisez, et testez le tout avec quelques personnes avant le lancement.',
    body: `Pendant la phase de développement, le plan devient quelque chose que les gens peuvent utiliser.

# Réutilisez avant d’écrire
Beaucoup de choses existent déjà : la Définition du leadership et le PDL avec leurs traductions, les cours WikiLearn, les sources partagées dans le réseau et la documentation des initiatives passées dans les archives. Adapter un bon support est plus rapide qu’en écrire un nouveau, et l’améliorer aide aussi l’équipe suivante.

# Créez les supports
Diapositives, fiches, exercices, notes pour les animateurs, courtes vidéos. Restez simple : phrases courtes, exemples tirés de votre communauté, fichiers assez légers pour les connexions lentes. Publiez sous licence libre et déposez diapositives et images sur Wikimedia Commons pour que d’autres puissent les réutiliser.

# Préparez les animateurs
Partagez les objectifs et le déroulé des séances avec chaque animateur. Faites une répétition. Décidez qui présente, qui suit la discussion écrite, qui gère le temps et qui intervient en cas de conflit. Les animateurs doivent connaître le Code de conduite universel et savoir comment signaler un problème.

# Traduisez et adaptez
Une traduction fidèle garde le sens ; une adaptation change les exemples et les références pour un contexte local. Les deux sont bienvenues ; indiquez laquelle vous avez faite. Faites relire chaque langue par une deuxième personne qui la parle. Notez quelle version est la source, pour savoir quelles traductions mettre à jour quand elle change.

# Testez avec quelques personnes
Faites un court essai avec trois à cinq apprenants, ou demandez à quelques personnes de lire les supports. Notez où elles se sont perdues, ce qui a pris plus de temps que prévu et ce dont elles n’avaient pas besoin. Corrigez avant le lancement.

# Préparez la logistique
- Les inscriptions, avec les dates affichées dans le fuseau horaire de chaque participant et la possibilité de s’inscrire en privé.
- Un lieu ou un lien de réunion, et une discussion pour les questions.
- La communication : le canal Telegram du réseau, les pages de discussion communautaires, les listes de diffusion et les canaux de votre groupe. Publiez une nouvelle sur la plateforme.`,
    checklist: {
      reuse: 'Consultez les archives et les sources partagées pour trouver des supports réutilisables.',
      materials: 'Préparez diapositives, fiches, exercices et notes pour les animateurs sous licence libre.',
      facilitators: 'Informez les animateurs et faites une répétition.',
      translations: 'Traduisez ou adaptez les supports, et faites relire chaque langue par une deuxième personne.',
      pilot: 'Testez les supports avec quelques apprenants et corrigez ce qui les a gênés.',
      logistics:
        'Mettez en place les inscriptions, les dates dans le fuseau horaire des participants et la communication.',
    },
  },

  implement: {
    title: 'Mettre en œuvre : mener l’initiative et maintenir l’engagement',
    summary:
      'Menez les séances, maintenez l’engagement et le soutien des participants entre elles, prenez soin de l’équipe et consignez ce qui se passe.',
    body: `Pendant la phase de mise en œuvre, vous menez l’initiative. Tout ne se passera pas exactement comme prévu, et c’est normal.

# Avant la première séance
Envoyez des rappels avec l’heure dans le fuseau horaire de chacun et le lien ou l’adresse. Partagez le programme, le temps demandé et ce qu’il faut préparer. Rappelez à tous le Code de conduite universel et indiquez comment signaler un problème.

# Pendant les séances
Commencez par les présentations et les objectifs. Faites pratiquer les participants plus que vous ne les faites écouter : discussions en petits groupes, jeux de rôle, cas réels. Vérifiez régulièrement que tout le monde suit, et faites des pauses. N’enregistrez qu’avec l’accord de tous, et partagez enregistrements et notes avec celles et ceux qui n’ont pas pu venir.

# Maintenez l’engagement
Entre les séances, proposez de petites tâches pour appliquer ce qui a été appris dans sa propre communauté. Un groupe de discussion ou des binômes de mentorat gardent les gens en contact. Reconnaissez les efforts : remerciez publiquement, remettez des certificats ou des badges. Quand quelqu’un abandonne, demandez-lui gentiment pourquoi ; sa réponse améliorera l’édition suivante.

# Prenez soin de l’équipe
Répartissez le travail entre co-responsables et animateurs, et réunissez-vous brièvement après chaque séance pour ajuster. Surveillez l’épuisement, y compris le vôtre : prendre soin de soi est aussi une compétence de leadership. Si un responsable doit se retirer, organisez la relève ouvertement : transmettez notes et contacts, et indiquez que l’initiative cherche un nouveau responsable pour que d’autres puissent se proposer.

# Consignez au fur et à mesure
- La participation, comptée par région et par langue. Les questions démographiques sont facultatives et les réponses ne sont gardées que le temps nécessaire.
- Les notes de chaque séance, et ce que vous avez changé par rapport au plan, avec la raison.
- Des photos uniquement avec accord.

Publiez des nouvelles sur la plateforme : les personnes qui suivent votre initiative seront averties, et ces nouvelles font partie de sa documentation.`,
    checklist: {
      welcome: 'Envoyez des rappels et précisez les attentes, y compris le Code de conduite universel.',
      run: 'Menez les séances avec de la pratique, pas seulement des présentations.',
      engagement: 'Restez en contact entre les séances et prenez des nouvelles des personnes qui abandonnent.',
      records: 'Consignez la participation, les notes et les changements de plan, dans le respect de la vie privée.',
      updates: 'Publiez des nouvelles pour les personnes qui suivent l’initiative.',
      team: 'Répartissez la charge dans l’équipe et transmettez les rôles quand quelqu’un doit se retirer.',
    },
  },

  evaluate: {
    title: 'Évaluer : ce qui a changé, les leçons, ce qu’il faut partager',
    summary:
      'Mesurez ce qui a changé par rapport à vos objectifs, notez les leçons apprises et partagez les résultats pour que le réseau puisse s’appuyer dessus.',
    body: `Pendant la phase d’évaluation, vous découvrez ce que l’initiative a accompli et vous faites en sorte que d’autres puissent en tirer des leçons.

# Comparez avec vos objectifs
Reprenez les objectifs et les objectifs d’apprentissage que vous aviez fixés. Pour chacun, écrivez ce qui s’est réellement passé. Utilisez les mesures prévues : l’auto-évaluation avant et après, un court questionnaire et surtout ce que les participants ont fait ensuite : ont-ils organisé un événement, rejoint un conseil, accompagné quelqu’un ?

# Comptez les personnes touchées
Comptez les participants par région et par langue, et combien sont allés jusqu’au bout. Les chiffres ne disent pas tout, mais les partenaires et les financeurs les demandent, et ils montrent où le réseau grandit.

# Rassemblez les leçons
Demandez aux participants, aux animateurs et aux co-responsables ce qui a marché, ce qui n’a pas marché et ce qu’ils feraient autrement. Une réunion de bilan d’une heure suffit souvent. Notez aussi les surprises : c’est ce qui sert le plus à l’équipe suivante.

# Partagez
- Enregistrez l’évaluation sur la plateforme : résultats pour chaque objectif, personnes touchées, leçons apprises.
- Publiez un rapport sur Meta-Wiki et les diapositives sur Wikimedia Commons, et reliez-les à l’initiative.
- Informez le réseau, par exemple lors des réunions des ambassadeurs ou sur le canal Telegram.
- Si votre expérience montre que la Définition du leadership ou le PDL devraient changer pour votre communauté, proposez un amendement : le réseau améliore ses documents grâce aux essais et aux erreurs de ses partenaires.

Une fois évaluée, l’initiative est archivée avec sa documentation, où toute personne qui prépare quelque chose de semblable peut la trouver.

# Faites un suivi
Les changements durables se voient au bout de plusieurs mois, pas de quelques jours. Fixez une date de suivi, trois à six mois plus tard, pour vérifier ce qui est resté, et décidez s’il faut renouveler l’initiative, la confier à un autre groupe ou la clore.`,
    checklist: {
      changes: 'Consignez le résultat obtenu pour chaque objectif.',
      reach: 'Comptez les personnes touchées par région et par langue.',
      lessons: 'Notez les leçons apprises et ce que vous feriez autrement.',
      documentation: 'Publiez la documentation, par exemple un rapport sur Meta-Wiki et des diapositives sur Commons.',
      share: 'Partagez les résultats avec le réseau et proposez des améliorations au PDL.',
      'follow-up': 'Fixez une date de suivi pour vérifier ce qui est resté.',
    },
  },
};
