import type { ColumnType, Generated } from 'kysely';

type DateString = ColumnType<string, string, string>;

export interface CommunitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_key: string;
  /** Confusable skeleton of the name (text/skeleton.ts; migrations/0027): null until the server fills it. */
  name_skeleton: ColumnType<string | null, string | null | undefined, string | null>;
  kind: string;
  region: string;
  country: string | null;
  languages: Generated<string[]>;
  meta_page: string | null;
  website: string | null;
  wikidata_id: string | null;
  description: Generated<string>;
  /** Stored Markdown (src/server/markdown/stored.ts). */
  description_html: string | null;
  html_version: number | null;
  is_partner: Generated<boolean>;
  partner_since: DateString | null;
  is_demo: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CommunityMembersTable {
  community_id: number;
  user_id: number;
  role: Generated<'member' | 'coordinator'>;
  joined_at: Generated<Date>;
}

export interface AmbassadorTermsTable {
  id: Generated<number>;
  community_id: number;
  user_id: number;
  start_date: DateString;
  end_date: DateString | null;
  designated_by: number | null;
  ended_by: number | null;
  ended_at: Date | null;
  created_at: Generated<Date>;
}

export interface CommunitiesTables {
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  ambassador_terms: AmbassadorTermsTable;
}
