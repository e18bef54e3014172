// Request shapes of the team: invitations to co-lead, volunteers, and stepping down.
import { z } from 'zod';
import { required, text } from '../schema';

export const requestParams = z.object({ id: z.string().max(30), requestId: z.string().max(30) });

export const inviteBody = z.strictObject({ username: required(100), message: text(2000).optional() });
export type InviteBody = z.infer<typeof inviteBody>;
export const volunteerBody = z.strictObject({ message: text(2000).optional() });
export type VolunteerBody = z.infer<typeof volunteerBody>;
export const stepDownBody = z.strictObject({
  /** Mark it as seeking a new lead (always so when the last lead steps down). */
  seekingLead: z.boolean().optional(),
});
export type StepDownBody = z.infer<typeof stepDownBody>;
