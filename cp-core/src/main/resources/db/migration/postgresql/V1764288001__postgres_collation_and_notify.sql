-- PostgreSQL only.
--
-- 1. Byte-order ("C") collation for the key columns, so that ORDER BY name, mesh gives the same
--    order as H2 and the memory store whatever locale the database was created with, and so that
--    LIKE 'x%' can use the key index.
ALTER TABLE resources ALTER COLUMN type TYPE varchar(100) COLLATE "C";
ALTER TABLE resources ALTER COLUMN mesh TYPE varchar(253) COLLATE "C";
ALTER TABLE resources ALTER COLUMN name TYPE varchar(253) COLLATE "C";

-- 2. Change notification between control-plane instances, as Kuma does it: every row change
--    (including cascaded deletes) sends {"action": TG_OP, "data": {name, mesh, type}} on channel
--    resource_events once the transaction commits. We add "instance": the writer's session
--    setting kumaj.instance (set when a pooled connection opens), so that an instance can skip
--    its own changes; it is null for changes made by anybody else (psql, scripts).
CREATE FUNCTION kumaj_notify_resource_event() RETURNS trigger AS $$
DECLARE
    changed resources;
BEGIN
    IF (TG_OP = 'DELETE') THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    PERFORM pg_notify('resource_events', json_build_object(
        'action', TG_OP,
        'instance', current_setting('kumaj.instance', true),
        'data', json_build_object('name', changed.name, 'mesh', changed.mesh, 'type', changed.type))::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER resources_notify_event
    AFTER INSERT OR UPDATE OR DELETE ON resources
    FOR EACH ROW EXECUTE FUNCTION kumaj_notify_resource_event();
