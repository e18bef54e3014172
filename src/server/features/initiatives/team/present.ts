// The team's requests as the API shows them (src/contracts/initiatives-answers.ts).
import type { LeadRequest } from '../../../../contracts/initiatives-answers';
import { joinedPerson } from '../present';
import type { RequestRow } from './repo';

export const presentRequest = (r: RequestRow): LeadRequest => ({
  id: String(r.id),
  kind: r.kind,
  person: joinedPerson(r),
  message: r.message,
  createdAt: r.created_at.toISOString(),
});
