// Debates and their arguments are discussable subjects: replies under an argument are comments with the
// subject {type: 'argument', id}. An argument of a closed debate takes no new replies.
import { registerSubject } from '../conversations/subjects';
import { findArgument, findDebate } from './repo';
import { markdownExcerpt } from '../../markdown/render';

registerSubject('debate', {
  commentable: true,
  find: async (db, id) => {
    const d = await findDebate(db, id);
    return d && { title: d.title, link: `/debates/${d.id}`, open: d.status === 'open' };
  },
});

registerSubject('argument', {
  commentable: true,
  find: async (db, id) => {
    const a = await findArgument(db, id);
    return a && { title: markdownExcerpt(a.body, 80), link: `/debates/${a.debate_id}#argument-${a.id}`, open: a.debate_status === 'open' };
  },
});
