// Request shapes of follows, notifications and notification settings (the answers are in src/contracts/notifications.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { emailShape } from '../../../contracts/notifications';

const idText = z.union([z.string().max(30), z.number().int().nonnegative()]).transform(String);

export const followBody = z.strictObject({
  subject: z.strictObject({
    type: z.string().min(1, 'validation-required').max(40),
    id: idText,
  }),
});
export type FollowBody = z.infer<typeof followBody>;

export const followsQuery = z.object({
  subjectType: z.string().min(1).max(40).optional(),
  subjectId: z.string().min(1).max(30).optional(),
  ...listQuery,
});
export type FollowsQuery = z.infer<typeof followsQuery>;

export const idParams = z.object({ id: z.string().max(30) });

export const notificationsQuery = z.object({ ...listQuery });
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const readBody = z
  .strictObject({
    ids: z.array(idText).min(1).max(100).optional(),
    /** Marks every notification read (up to `upTo`, the newest one the person has seen, when given). */
    all: z.literal(true).optional(),
    upTo: idText.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.all === undefined))
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'notifications-read-ids-or-all' });
    if (v.upTo !== undefined && v.all === undefined)
      ctx.addIssue({ code: 'custom', path: ['upTo'], message: 'notifications-read-upto-needs-all' });
  });
export type ReadBody = z.infer<typeof readBody>;

/** Only the kinds sent change; the others keep their setting. Unknown kinds or values are refused. */
export const settingsBody = z.strictObject({
  email: z.strictObject(emailShape).partial(),
});
export type SettingsBody = z.infer<typeof settingsBody>;
