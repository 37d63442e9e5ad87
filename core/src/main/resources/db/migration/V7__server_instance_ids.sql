-- The instanceId a Server collection's connectionData reports, for accounts that reach one: the
-- same collection typed through a second URL (another host name, with or without /tfs) is then
-- recognised, and its account reused instead of listing every repository twice.
ALTER TABLE accounts ADD COLUMN instance_id TEXT;

CREATE INDEX accounts_by_instance_id ON accounts (owner, instance_id);
