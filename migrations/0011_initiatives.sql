-- Initiatives: ideas that gather supporters and co-leads, open a call for collaborators with jobs and sign-ups,
-- run through the LDP guide's phases with checklists, progress updates, links and grants, and end with an
-- evaluation in the archive. PostgreSQL 15 syntax only.

create table initiatives (
  id bigint generated always as identity primary key,
  author_id bigint references users(id) on delete set null,
  title text not null,
  summary text not null,
  problem text not null default '',
  audience text not null default '',
  -- MediaWiki language codes, Wikimedia region codes, leadership skill slugs.
  languages text[] not null default '{}',
  regions text[] not null default '{}',
  skills text[] not null default '{}',
  -- Where it stands in its life; `phase` is the LDP guide's step an active initiative works through.
  stage text not null default 'idea' check (stage in ('idea', 'recruiting', 'active', 'evaluating', 'archived', 'discontinued')),
  phase text check (phase in ('define', 'design', 'develop', 'implement', 'evaluate')),
  -- Its lead stepped down and it looks for a new one.
  seeking_lead boolean not null default false,
  -- Flagged after months without activity; its followers were asked whether it lives. Cleared by any activity.
  quiet_since timestamptz,
  last_activity_at timestamptz not null,
  -- When it was archived or discontinued (the archive's year).
  ended_at timestamptz,
  -- The evaluation's overall outcome against its goals.
  outcome text check (outcome in ('met', 'partly_met', 'not_met')),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The board: newest first, all or by stage.
create index initiatives_created_idx on initiatives (created_at desc, id desc);
create index initiatives_stage_idx on initiatives (stage, created_at desc, id desc);
-- The archive: newest ended first.
create index initiatives_archive_idx on initiatives (ended_at desc, id desc) where stage in ('archived', 'discontinued');
create index initiatives_languages_idx on initiatives using gin (languages);
create index initiatives_regions_idx on initiatives using gin (regions);
create index initiatives_skills_idx on initiatives using gin (skills);
create index initiatives_text_trgm on initiatives using gin ((title || ' ' || summary) gin_trgm_ops);
-- The inactivity check reads live initiatives by their last activity.
create index initiatives_activity_idx on initiatives (last_activity_at) where stage in ('idea', 'recruiting', 'active', 'evaluating') and quiet_since is null;

-- The groups taking part.
create table initiative_communities (
  initiative_id bigint not null references initiatives(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  primary key (initiative_id, community_id)
);
create index initiative_communities_community_idx on initiative_communities (community_id, initiative_id);

create table initiative_leads (
  initiative_id bigint not null references initiatives(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  since timestamptz not null,
  primary key (initiative_id, user_id)
);
create index initiative_leads_user_idx on initiative_leads (user_id);

-- Becoming a lead: a lead invites someone (`invitation`, the invitee answers) or someone volunteers
-- (`volunteer`, a lead or an admin answers). One open request per person and initiative.
create table initiative_lead_requests (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  kind text not null check (kind in ('invitation', 'volunteer')),
  message text not null default '',
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  asked_by bigint references users(id) on delete set null,
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by bigint references users(id) on delete set null
);
create unique index initiative_lead_requests_open_idx on initiative_lead_requests (initiative_id, user_id) where status = 'pending';

create table initiative_supporters (
  initiative_id bigint not null references initiatives(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null,
  primary key (initiative_id, user_id)
);

-- The call for collaborators (one per initiative). Open while opened and not closed and its deadline (a date,
-- UTC) has not passed; it closes when every job is full or at the deadline.
create table initiative_calls (
  initiative_id bigint primary key references initiatives(id) on delete cascade,
  goals text[] not null,
  starts_on date not null,
  ends_on date not null,
  deadline date not null,
  how_to_join text not null default '',
  opened_at timestamptz not null,
  closed_at timestamptz,
  closed_reason text check (closed_reason in ('full', 'deadline')),
  updated_at timestamptz not null,
  check (ends_on >= starts_on)
);
create index initiative_calls_deadline_idx on initiative_calls (deadline) where closed_at is null;

create table initiative_jobs (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  title text not null,
  description text not null,
  places integer not null check (places between 1 and 1000),
  skills text[] not null default '{}',
  commitment text not null default '',
  position integer not null
);
create index initiative_jobs_initiative_idx on initiative_jobs (initiative_id, position);
create index initiative_jobs_skills_idx on initiative_jobs using gin (skills);

-- Sign-ups for a job, or general help (no job). Accepted ones fill the job's places; pending ones wait.
create table initiative_signups (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  job_id bigint references initiative_jobs(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  message text not null default '',
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by bigint references users(id) on delete set null
);
-- One sign-up per person and job (or general help), unless withdrawn.
create unique index initiative_signups_once_idx on initiative_signups (initiative_id, coalesce(job_id, 0), user_id) where status <> 'withdrawn';
create index initiative_signups_job_idx on initiative_signups (job_id, status);
create index initiative_signups_initiative_idx on initiative_signups (initiative_id, status, created_at, id);
create index initiative_signups_user_idx on initiative_signups (user_id);

-- Progress updates posted by the leads.
create table initiative_updates (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  author_id bigint references users(id) on delete set null,
  title text not null,
  body text not null,
  created_at timestamptz not null
);
create index initiative_updates_initiative_idx on initiative_updates (initiative_id, created_at desc, id desc);

-- Its events, trainings and courses, as links for now.
create table initiative_links (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  kind text not null check (kind in ('event', 'training', 'course', 'other')),
  title text not null,
  url text not null,
  created_at timestamptz not null
);
create index initiative_links_initiative_idx on initiative_links (initiative_id, id);

create table initiative_grants (
  id bigint generated always as identity primary key,
  initiative_id bigint not null references initiatives(id) on delete cascade,
  program text not null,
  amount numeric(14, 2) not null check (amount >= 0),
  -- ISO 4217 code.
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null,
  -- The grant's page on Meta-Wiki.
  url text,
  created_at timestamptz not null
);
create index initiative_grants_initiative_idx on initiative_grants (initiative_id, id);

-- Checked items of the phase checklists (the items themselves are the guide's, in code).
create table initiative_checklist (
  initiative_id bigint not null references initiatives(id) on delete cascade,
  item text not null,
  checked_by bigint references users(id) on delete set null,
  checked_at timestamptz not null,
  primary key (initiative_id, item)
);

create table initiative_evaluations (
  initiative_id bigint primary key references initiatives(id) on delete cascade,
  -- [{goal, result, note}], [{region, language, count}]
  outcomes jsonb not null,
  reached jsonb not null,
  lessons text not null,
  differently text not null default '',
  documentation text[] not null default '{}',
  follow_up date,
  evaluated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null
);
