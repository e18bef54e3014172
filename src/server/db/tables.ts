// The database's tables as Kysely sees them. Each feature declares its own tables in its schema.ts;
// this interface joins them so one Kysely instance can query all of them.
import type { CoreTables } from './core-tables';
import type { CommunitiesTables } from '../features/communities/tables';
import type { AccountsTables } from '../features/accounts/tables';
import type { UpdatesTables } from '../features/updates/tables';
import type { FaqTables } from '../features/faq/tables';
import type { ConversationsTables } from '../features/conversations/tables';
import type { DebatesTables } from '../features/debates/tables';
import type { JobsTables } from '../jobs/tables';
import type { NotificationsTables } from '../features/notifications/tables';
import type { TelegramTables } from '../features/telegram/tables';
import type { ModerationTables } from '../features/moderation/tables';
import type { InitiativesTables } from '../features/initiatives/tables';
import type { GuidesTables } from '../features/guides/tables';
import type { DocumentsTables } from '../features/documents/tables';
import type { EventsTables } from '../features/events/tables';
import type { CoursesTables } from '../features/courses/tables';
import type { SourcesTables } from '../features/sources/tables';
import type { FirstStepsTables } from '../features/first-steps/tables';

// Features add their table interfaces to this list (`extends CoreTables, CommunitiesTables, …`).
export interface Database
  extends
    CoreTables,
    CommunitiesTables,
    AccountsTables,
    UpdatesTables,
    FaqTables,
    ConversationsTables,
    DebatesTables,
    JobsTables,
    NotificationsTables,
    TelegramTables,
    ModerationTables,
    InitiativesTables,
    GuidesTables,
    DocumentsTables,
    EventsTables,
    CoursesTables,
    SourcesTables,
    FirstStepsTables {}
