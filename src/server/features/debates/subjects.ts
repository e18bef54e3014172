// Debates and their arguments are discussable subjects: replies under an argument are comments with the
// subject {type: 'argument', id}. An argument of a closed debate takes no new replies. Both can be reported
// and hidden; a debate is its opener's, an argument its author's; who took part is the whole debate's. Registered
// by registerDebates().
import type { SubjectType } from '../conversations';
import { storedExcerpt } from '../../markdown/stored';
import { debateParticipants, findArgument, findDebate } from './repo';

export const debateSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const d = await findDebate(db, id);
    return d && { title: d.title, link: `/debates/${d.id}`, open: d.status === 'open' };
  },
  owner: async (db, id) =>
    (await db.selectFrom('debates').select('opener_id').where('id', '=', id).executeTakeFirst())?.opener_id,
  participants: debateParticipants,
};

export const argumentSubject: SubjectType = {
  commentable: true,
  reportable: true,
  find: async (db, id) => {
    const a = await findArgument(db, id);
    return (
      a && {
        title: storedExcerpt(a.body, a.body_lead, a.html_version, 80),
        link: `/debates/${a.debate_id}#argument-${a.id}`,
        open: a.debate_status === 'open',
      }
    );
  },
  owner: async (db, id) =>
    (await db.selectFrom('debate_arguments').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id,
  // Replies under an argument are part of the debate's discussion.
  participants: async (db, id) => {
    const a = await findArgument(db, id);
    return a ? debateParticipants(db, a.debate_id) : [];
  },
};
