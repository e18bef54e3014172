// A thread as the pages keep it: the API's comments (src/contracts/conversations.ts), each with its time as
// text in the reader's language and time zone.
import type { CommentItem } from '../../../contracts/conversations';

export interface ShownComment extends CommentItem {
  createdText: string;
}

export interface ThreadData {
  items: ShownComment[];
  next: string | null;
}
