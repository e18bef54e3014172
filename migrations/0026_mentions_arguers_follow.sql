-- Arguing in a debate follows it (issue 15), so arguers hear of new arguments and of its closing. People who
-- argued before that, in debates still open, follow them now; nobody is told of this.
-- PostgreSQL 15 syntax only.
insert into follows (user_id, subject_type, subject_id, created_at)
select distinct a.author_id, 'debate', a.debate_id, now()
from debate_arguments a
join debates d on d.id = a.debate_id
where d.status = 'open' and a.author_id is not null
on conflict (user_id, subject_type, subject_id) do nothing;
