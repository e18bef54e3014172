// Spanish translation of the guides (translates revision 1 of the English text).
import type { ShippedLanguage } from './types';

export const ES: ShippedLanguage = {
  overview: {
    title: 'Cómo crear una iniciativa de desarrollo del liderazgo',
    summary:
      'Qué es una iniciativa de desarrollo del liderazgo, para quién son estas guías y las cinco fases que llevan una idea a un proyecto terminado y documentado.',
    body: `Una iniciativa de desarrollo del liderazgo ayuda a las personas de tu comunidad a crecer como líderes: un taller de facilitación, un curso en línea, una guía para nuevas personas organizadoras, un programa de mentoría para futuros miembros de una junta. Estas guías explican cómo crear una, paso a paso.

# De dónde vienen estas guías
El Grupo de Trabajo de Desarrollo del Liderazgo, quince personas voluntarias de las ocho regiones de Wikimedia, escribió en 2022–23 una **Definición de Liderazgo** compartida y un **Plan de Desarrollo del Liderazgo** (PDL). El plan tiene tres secciones: roles y habilidades de liderazgo, con una autoevaluación; cómo afrontar situaciones de liderazgo; y una guía paso a paso para poner en marcha una iniciativa de desarrollo del liderazgo. Estas guías siguen esa tercera sección, con las palabras de la red.

# Para quién son
- Una persona coordinadora de un afiliado que quiere formar a quienes organizarán los próximos eventos.
- Una persona organizadora comunitaria que ve a las mismas pocas personas hacerlo todo y quiere que más asuman responsabilidades.
- Una persona becaria con experiencia en formación que quiere adaptar lo que sabe a las comunidades Wikimedia.

No hace falta ser experto. Hace falta un problema que valga la pena resolver y algunas personas dispuestas a trabajar en él contigo.

# Las cinco fases
1. **Definir**: quiénes aprenden, qué problema resuelve la iniciativa, qué recursos necesita.
2. **Diseñar**: objetivos de aprendizaje y un formato: taller, curso en línea, guía o mentoría.
3. **Desarrollar**: materiales, facilitadores y traducciones, probados con unas pocas personas.
4. **Implementar**: llevarla a cabo y mantener el compromiso de quienes participan.
5. **Evaluar**: qué cambió, qué aprendiste y qué compartir.

En la práctica las fases se solapan: pensarás en la evaluación mientras diseñas y cambiarás materiales mientras los usas. Cada guía termina con una lista de comprobación; una iniciativa en esta plataforma muestra la lista de la fase en la que está.

# Cómo ayuda esta plataforma
Publica tu idea como iniciativa para recibir comentarios pronto. Cuando estés listo, abre una convocatoria de colaboradores con objetivos, tareas por hacer y un calendario. Publica novedades para quienes te siguen, registra la evaluación al final, y tu iniciativa pasará al archivo de iniciativas pasadas, donde otras personas pueden aprender de ella.

# Algunos principios
- **Empieza en pequeño.** Un taller de dos horas que funciona enseña más que un programa de un año que nunca empieza.
- **Trabaja en abierto.** Comparte planes, materiales y resultados para que otros puedan reutilizarlos y adaptarlos.
- **Prevé los relevos.** Las personas voluntarias cambian de actividad. Ten colíderes, toma notas y traspasa los roles cuando necesites apartarte.
- **Piensa en lo local.** El liderazgo varía según el contexto; adapta ejemplos, idiomas y formatos a tu comunidad.
- **Cuida la seguridad.** El Código Universal de Conducta se aplica en todos los espacios, en línea y presenciales.`,
    checklist: {
      'read-ldp': 'Lee la Definición de Liderazgo y el Plan de Desarrollo del Liderazgo, al menos su guía paso a paso.',
      'look-around': 'Busca iniciativas parecidas en el archivo y habla con quienes las llevaron a cabo.',
      'co-lead': 'Encuentra al menos a un colíder, para que la iniciativa no dependa de una sola persona.',
      'post-idea': 'Publica tu idea en la plataforma para recibir comentarios pronto.',
    },
  },

  define: {
    title: 'Definir: quién, qué problema, qué recursos',
    summary: 'Decide quiénes aprenden, qué problema les resuelve la iniciativa y qué necesita para salir bien.',
    body: `Las buenas iniciativas parten de un problema, no de un formato. Antes de planificar un taller o un curso, ten claro a quién quieres ayudar y por qué.

# ¿Qué problema resuelve?
Escribe el problema en una o dos frases, con las palabras de quienes lo tienen. Por ejemplo: «Las nuevas personas editoras de nuestra región nunca llegan a organizar eventos», «Las mismas tres personas voluntarias llevan todas las actividades y están cansadas» o «La nueva junta de nuestro grupo de usuarios nunca ha presidido una reunión». Después pregúntate cómo lo sabes: por conversaciones, una encuesta, informes de eventos o tu propia experiencia. Si no estás seguro, habla con algunas personas antes de seguir.

# ¿Quiénes aprenden?
Sé concreto. Las personas recién llegadas, las editoras con experiencia que empiezan a organizar, los miembros de juntas de afiliados y las personas voluntarias jóvenes necesitan cosas distintas. Describe:
- qué saben y hacen ya;
- cuánto tiempo pueden dedicar, y cuándo;
- en qué idiomas trabajan y cómo es su conexión a internet;
- qué les motivaría a participar.

Habla ahora con dos o tres de ellas. Es la forma más barata de no diseñar lo que no hace falta.

# ¿Qué habilidades?
La primera sección del PDL describe roles y habilidades de liderazgo, con una autoevaluación que ayuda a cada persona a ver sus carencias. Elige unas pocas habilidades, como la facilitación, la resolución de conflictos, la gestión de voluntariado o hablar en público, en lugar del «liderazgo» en general. Un enfoque acotado es más fácil de enseñar y de evaluar.

# Idiomas, regiones y grupos
Indica en qué idiomas se hará la iniciativa, para qué regiones es y qué grupos participan: afiliados, grupos de usuarios, grupos no afiliados o personas sin grupo. Eso decide a quién puedes llegar y quién puede ayudar, y permite que te encuentren otras personas con las mismas necesidades.

# ¿Qué recursos necesitas?
- **Personas**: colíderes, facilitadores, traductores, mentores.
- **Tiempo**: cuántas semanas, y cuántas horas por semana pueden dar de verdad las personas voluntarias.
- **Dinero**, si hace falta: lugar, apoyo de conectividad, materiales. Existen subvenciones del movimiento para el desarrollo de habilidades y del liderazgo.
- **Material** que puedes reutilizar: el PDL y sus traducciones, cursos de WikiLearn, las fuentes compartidas en la red, la documentación de iniciativas pasadas.

# Ponlo por escrito
Resume en un párrafo: «Para *estas personas* en *estos idiomas y regiones*, que tienen *este problema*, ayudaremos a desarrollar *estas habilidades*. Necesitamos *estos recursos*». Ese párrafo es tu idea: publícala en la plataforma y pide comentarios.`,
    checklist: {
      problem: 'Escribe el problema en una o dos frases y anota cómo sabes que es real.',
      learners: 'Describe a quienes aprenden: qué saben ya, cuánto tiempo tienen, cómo se conectan.',
      reach: 'Nombra los idiomas, las regiones y los grupos a los que se dirige la iniciativa.',
      skills: 'Elige las pocas habilidades de liderazgo que desarrollará la iniciativa.',
      resources: 'Enumera las personas, el tiempo, el dinero y el material que necesitas, y de dónde podrían salir.',
      team: 'Busca colíderes y las personas que necesita la iniciativa, para que no dependa de una sola persona.',
      idea: 'Publica la idea en la plataforma y pide comentarios.',
    },
  },

  design: {
    title: 'Diseñar: objetivos y formato',
    summary:
      'Convierte el problema en objetivos de aprendizaje, elige un formato (taller, curso en línea, guía o mentoría) y planifica cómo sabrás si funcionó.',
    body: `En la fase de diseño decides qué aprenderán las personas participantes y cómo.

# Escribe objetivos de aprendizaje
Un objetivo dice qué podrán **hacer** las personas participantes después, de un modo que se pueda observar. «Las personas participantes saben dirigir una reunión en línea de una hora con orden del día y notas compartidas» es mejor que «las personas participantes entienden la facilitación». Bastan de tres a cinco objetivos. Cada uno debe responder al problema que definiste.

# Elige un formato
- **Taller**, en línea o presencial: bueno para practicar y recibir comentarios. Necesita facilitadores y un horario común; entre husos horarios distintos, ofrece la misma sesión en dos horarios.
- **Curso en línea**, por ejemplo en WikiLearn: llega a muchas personas a su ritmo y se puede traducir, pero lleva tiempo construirlo y mucha gente no lo termina sin apoyo.
- **Guía** o folleto: barato de compartir y traducir, se puede leer sin conexión y con conexiones lentas, pero no ofrece práctica.
- **Mentoría**: une a líderes con experiencia y nuevos. Llega lejos, pero es lenta y depende del tiempo de las personas mentoras.

Los formatos se combinan bien: un curso corto seguido de mentoría, o un taller con una guía para llevarse.

# Planifica las sesiones
Haz un esquema de cada sesión o capítulo: su objetivo, las actividades, el tiempo de cada una y lo que hacen las personas participantes entre sesiones. El liderazgo se aprende practicándolo: usa juegos de rol, situaciones reales de tu comunidad y las situaciones que describe la segunda sección del PDL.

# Diseña para todas las personas
- Idiomas: cuáles, y quién traduce.
- Husos horarios y horarios: las personas voluntarias tienen trabajo, estudios y familia.
- Conectividad: diapositivas ligeras, grabaciones, materiales que funcionen en el móvil.
- Accesibilidad: subtítulos, documentos legibles, lugares a los que se pueda llegar.
- Seguridad: se aplica el Código Universal de Conducta; explica cómo plantear un problema.

# Planifica ya la evaluación
Decide ahora cómo sabrás si funcionó. La autoevaluación del PDL, hecha antes y después, es una medida sencilla. Prevé contar las personas a las que llegas por región e idioma, y anota qué te gustaría que hicieran después.

# Busca colaboradores
Enumera las tareas por hacer, como facilitación, traducción, diseño o mentoría, con el tiempo que lleva cada una. Abre en la plataforma una convocatoria de colaboradores con tus objetivos, estas tareas y un calendario.`,
    checklist: {
      objectives:
        'Escribe de tres a cinco objetivos de aprendizaje que digan qué podrán hacer las personas participantes.',
      format: 'Elige el formato y explica por qué encaja con quienes aprenden.',
      syllabus: 'Haz un esquema de las sesiones o capítulos, con actividades y tiempos.',
      inclusion: 'Ten en cuenta idiomas, husos horarios, conexiones lentas y accesibilidad.',
      'evaluation-plan': 'Decide cómo medirás el cambio, por ejemplo con la autoevaluación antes y después.',
      call: 'Abre una convocatoria de colaboradores con las tareas por hacer y el calendario.',
    },
  },

  develop: {
    title: 'Desarrollar: materiales, facilitadores, traducciones',
    summary:
      'Crea o adapta los materiales, prepara a quienes facilitan, traduce y pruébalo todo con unas pocas personas antes de empezar de verdad.',
    body: `En la fase de desarrollo el plan se convierte en algo que la gente puede usar.

# Reutiliza antes de escribir
Ya existe mucho: la Definición de Liderazgo y el PDL con sus traducciones, cursos de WikiLearn, las fuentes que se comparten en la red y la documentación de iniciativas pasadas en el archivo. Adaptar un buen material es más rápido que escribir uno nuevo, y mejorarlo ayuda también al siguiente equipo.

# Crea los materiales
Diapositivas, folletos, ejercicios, notas para facilitadores, vídeos cortos. Mantenlos sencillos: frases cortas, ejemplos de tu propia comunidad, archivos lo bastante pequeños para conexiones lentas. Publícalos con una licencia libre y sube diapositivas e imágenes a Wikimedia Commons para que otros puedan reutilizarlas.

# Prepara a quienes facilitan
Comparte los objetivos y el plan de las sesiones con cada facilitador. Haz un ensayo. Decidid quién presenta, quién atiende el chat, quién controla el tiempo y quién interviene si surge un conflicto. Quienes facilitan deben conocer el Código Universal de Conducta y saber cómo informar de un problema.

# Traduce y adapta
Una traducción fiel conserva el sentido; una adaptación cambia ejemplos y referencias para un contexto local. Las dos son bienvenidas; indica cuál has hecho. Pide a otra persona hablante que revise cada idioma. Lleva la cuenta de qué versión es la original, para saber qué traducciones hay que actualizar cuando cambie.

# Prueba con unas pocas personas
Haz un piloto corto con tres a cinco personas, o pide a algunas que lean el material. Anota dónde se perdieron, qué llevó más tiempo del previsto y qué no necesitaban. Corrígelo antes de empezar de verdad.

# Prepara la logística
- Inscripción, con las fechas en el huso horario de cada participante y la opción de inscribirse de forma privada.
- Un lugar o un enlace de reunión, y un chat para preguntas.
- Difusión: el canal de Telegram de la red, los tablones comunitarios, las listas de correo y los canales de tu grupo. Publica una novedad en la plataforma.`,
    checklist: {
      reuse: 'Revisa el archivo y las fuentes compartidas en busca de material reutilizable.',
      materials: 'Prepara diapositivas, folletos, ejercicios y notas para facilitadores con una licencia libre.',
      facilitators: 'Informa a quienes facilitan y haz un ensayo.',
      translations: 'Traduce o adapta los materiales y pide a otra persona que revise cada idioma.',
      pilot: 'Prueba los materiales con unas pocas personas y corrige lo que les confundió.',
      logistics: 'Prepara la inscripción, las fechas en el huso horario de cada participante y la difusión.',
    },
  },

  implement: {
    title: 'Implementar: llevarla a cabo y mantener el compromiso',
    summary:
      'Realiza las sesiones, mantén el compromiso y el apoyo entre ellas, cuida del equipo y registra lo que ocurre.',
    body: `En la fase de implementación llevas a cabo la iniciativa. Las cosas no saldrán exactamente como estaba previsto, y es normal.

# Antes de la primera sesión
Envía recordatorios con la hora en el huso horario de cada persona y el enlace o la dirección. Comparte el calendario, el tiempo que requiere y lo que haya que preparar. Recuerda a todas las personas el Código Universal de Conducta y explica cómo plantear un problema.

# Durante las sesiones
Empieza con presentaciones y los objetivos. Deja que las personas participantes practiquen más de lo que escuchan: debate en grupos pequeños, juegos de rol, casos reales. Comprueba a menudo si te siguen y haz pausas. Graba solo con el consentimiento de todas las personas, y comparte grabaciones y notas con quienes no pudieron asistir.

# Mantén el compromiso
Entre sesiones, propón pequeñas tareas para aplicar lo aprendido en la propia comunidad. Un grupo de chat o parejas de mentoría mantienen a la gente en contacto. Reconoce el esfuerzo: da las gracias en público, entrega certificados o insignias. Cuando alguien lo deja, pregúntale con amabilidad por qué; la respuesta mejorará la siguiente edición.

# Cuida del equipo
Reparte el trabajo entre colíderes y facilitadores, y reuníos brevemente después de cada sesión para ajustar. Vigila el agotamiento, también el tuyo: cuidarse también es una habilidad de liderazgo. Si un líder tiene que apartarse, haz el relevo abiertamente: pasa notas y contactos, y marca la iniciativa como en busca de un nuevo líder para que otras personas puedan ofrecerse.

# Registra lo que pasa
- La asistencia, contada por región e idioma. Las preguntas demográficas son opcionales y sus respuestas se guardan solo el tiempo necesario.
- Notas de cada sesión, y qué cambiaste del plan y por qué.
- Fotos solo con consentimiento.

Publica novedades en la plataforma: quienes siguen tu iniciativa recibirán un aviso, y las novedades pasan a formar parte de su documentación.`,
    checklist: {
      welcome: 'Envía recordatorios y aclara lo que se espera, incluido el Código Universal de Conducta.',
      run: 'Haz las sesiones con práctica, no solo con presentaciones.',
      engagement: 'Mantén el contacto entre sesiones y habla con quienes lo dejan.',
      records: 'Registra la asistencia, las notas y los cambios del plan, respetando la privacidad.',
      updates: 'Publica novedades para quienes siguen la iniciativa.',
      team: 'Reparte la carga en el equipo y traspasa los roles cuando alguien necesite apartarse.',
    },
  },

  evaluate: {
    title: 'Evaluar: qué cambió, lecciones, qué compartir',
    summary:
      'Mide qué cambió frente a tus objetivos, escribe las lecciones aprendidas y comparte los resultados para que la red pueda construir sobre ellos.',
    body: `En la fase de evaluación averiguas qué logró la iniciativa y te aseguras de que otras personas puedan aprender de ella.

# Compara con tus objetivos
Vuelve a los objetivos y a los objetivos de aprendizaje que fijaste. Para cada uno, escribe qué pasó realmente. Usa las medidas que planificaste: la autoevaluación antes y después, una encuesta breve y, sobre todo, lo que las personas participantes hicieron después: ¿organizaron un evento, entraron en una junta, acompañaron a alguien como mentores?

# Cuenta a quién llegaste
Cuenta a las personas participantes por región e idioma, y cuántas terminaron. Los números no lo son todo, pero los socios y los financiadores los piden, y muestran dónde crece la red.

# Reúne las lecciones
Pregunta a participantes, facilitadores y colíderes qué funcionó, qué no y qué harían de otra manera. Una reunión de retrospectiva de una hora suele bastar. Anota también las sorpresas: son lo más útil para el siguiente equipo.

# Comparte
- Registra la evaluación en la plataforma: resultados frente a cada objetivo, personas alcanzadas, lecciones aprendidas.
- Publica un informe en Meta-Wiki y las diapositivas en Wikimedia Commons, y enlázalos desde la iniciativa.
- Cuéntaselo a la red, por ejemplo en las reuniones de embajadores o en el canal de Telegram.
- Si tu experiencia muestra que la Definición de Liderazgo o el PDL deberían cambiar para tu comunidad, propón una enmienda: la red mejora sus documentos con los aciertos y errores de sus socios.

Una vez evaluada, la iniciativa se archiva con su documentación, donde cualquiera que planee algo parecido puede encontrarla.

# Haz seguimiento
Los cambios duraderos se ven al cabo de meses, no de días. Fija una fecha de seguimiento, de tres a seis meses después, para comprobar qué se mantuvo, y decide si repetir la iniciativa, pasarla a otro grupo o cerrarla.`,
    checklist: {
      changes: 'Registra el resultado frente a cada objetivo.',
      reach: 'Cuenta las personas alcanzadas por región e idioma.',
      lessons: 'Escribe las lecciones aprendidas y qué harías de otra manera.',
      documentation: 'Publica la documentación, como un informe en Meta-Wiki y diapositivas en Commons.',
      share: 'Comparte los resultados con la red y propón mejoras al PDL.',
      'follow-up': 'Fija una fecha de seguimiento para comprobar qué se mantuvo.',
    },
  },
};
