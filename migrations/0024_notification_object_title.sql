-- A notification may name what its actor acted on beside the item, as it was then (like the item's own title):
-- the job of an answered sign-up ("accepted you for “Translator” in …"). Null when there is nothing to name.
alter table notification_events add column object_title text;
