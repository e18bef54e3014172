// The reasons a report gives, in the order the form offers them (the API's REPORT_REASONS, kept here so that
// the form's script needs no schema code).
import type { ReportReason } from '../../../contracts/moderation';

export const REPORT_REASONS: readonly ReportReason[] = ['harassment', 'spam', 'off_topic', 'other'];
