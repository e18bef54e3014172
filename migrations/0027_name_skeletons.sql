-- Names no one can spoof (issue 12, DECISIONS 27). Names are kept in Unicode NFC; each username and group name
-- keeps its confusable skeleton (UTS #39), indexed, so a new name is compared with every existing one in one
-- lookup. Skeletons come from Unicode's data pinned in the repository and are computed by the application
-- (src/server/text/skeleton.ts): the server fills the ones still empty when it starts, these rows included.
-- Not unique: names that already look alike stay as they are; new ones are refused.
-- PostgreSQL 15 syntax only.
update users set username = normalize(username, nfc) where username is not nfc normalized;
update users set display_name = normalize(display_name, nfc) where display_name is not nfc normalized;
-- A key is normalized only where that meets no other person's key (the keys decide uniqueness).
update users u set username_key = normalize(u.username_key, nfc)
where u.username_key is not nfc normalized
  and not exists (select 1 from users o where o.username_key = normalize(u.username_key, nfc));
update communities set name = normalize(name, nfc) where name is not nfc normalized;
update communities c set name_key = normalize(c.name_key, nfc)
where c.name_key is not nfc normalized
  and not exists (select 1 from communities o where o.name_key = normalize(c.name_key, nfc));

alter table users add column username_skeleton text;
create index users_username_skeleton_idx on users (username_skeleton);
alter table communities add column name_skeleton text;
create index communities_name_skeleton_idx on communities (name_skeleton);

-- A Wikimedia login whose username is taken here, or looks like one that is, waits for its browser session to
-- choose another username (for ten minutes, like the authorization itself).
create table wikimedia_signups (
  session_id bigint primary key references sessions(id) on delete cascade,
  sub text not null,
  wikimedia_username text not null,
  wikimedia_blocked boolean not null default false,
  expires_at timestamptz not null
);
create index wikimedia_signups_expires_idx on wikimedia_signups (expires_at);
