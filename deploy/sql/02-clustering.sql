-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (UseAdoNetClustering on silos and
-- clients, invariant "Npgsql").
--
-- The provider passes the cluster id as @DeploymentId. Each cluster has one row in the version table
-- and one row per silo incarnation (address, port, generation) in the membership table. Every change
-- to a membership row must also raise the cluster's version by one, and must fail when the caller's
-- @Version is no longer current: this optimistic check is what keeps two silos from acting on
-- different views of the cluster. Heartbeats (IAmAliveTime) are the exception and leave the version
-- alone.
--
-- Status is the Orleans SiloStatus enum value: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown,
-- 5 Stopping, 6 Dead. SuspectTimes is the provider's own text encoding of suspicion votes
-- ("silo,time|silo,time"). Times are UTC instants, stored with millisecond precision as Orleans
-- formats them.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes text NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,

    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Inserts a silo's row when @Version is still the cluster's version, and then raises the version.
-- Returns false, changing nothing, when the version moved on or the row already exists.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    deployment_id text,
    silo_address text,
    silo_port integer,
    silo_generation integer,
    silo_name text,
    host_name text,
    silo_status integer,
    proxy_port integer,
    start_time timestamptz,
    i_am_alive_time timestamptz,
    expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $function$
BEGIN
    -- Locking the version row first serializes concurrent writers of one cluster. Under READ
    -- COMMITTED, FOR UPDATE re-checks the version against the latest committed row after waiting,
    -- so a writer that lost the race finds no row here and returns before it has changed anything.
    PERFORM 1
    FROM OrleansMembershipVersionTable
    WHERE DeploymentId = deployment_id AND Version = expected_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         StartTime, IAmAliveTime)
    VALUES
        (deployment_id, silo_address, silo_port, silo_generation, silo_name, host_name, silo_status,
         proxy_port, start_time, i_am_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment_id;
    RETURN true;
END
$function$;

-- Updates a silo's status, suspicion votes and heartbeat when @Version is still the cluster's
-- version, and then raises the version. Returns false, changing nothing, when the version moved on
-- or the silo has no row.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    deployment_id text,
    silo_address text,
    silo_port integer,
    silo_generation integer,
    silo_status integer,
    suspect_times text,
    i_am_alive_time timestamptz,
    expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $function$
BEGIN
    -- Same locking as orleans_membership_insert.
    PERFORM 1
    FROM OrleansMembershipVersionTable
    WHERE DeploymentId = deployment_id AND Version = expected_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = silo_status, SuspectTimes = suspect_times, IAmAliveTime = i_am_alive_time
    WHERE DeploymentId = deployment_id
        AND Address = silo_address
        AND Port = silo_port
        AND Generation = silo_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment_id;
    RETURN true;
END
$function$;

-- InsertMembershipVersionKey: creates the cluster's version row (version 0) when a silo starts.
-- Returns one boolean: true when this call created the row, false when it existed already.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- InsertMembershipKey: a silo joining the cluster adds its row. Returns one boolean.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $query$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
    @StartTime, @IAmAliveTime, @Version);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateMembershipKey: status changes (Joining, Active, ShuttingDown, Dead) and suspicion votes.
-- Returns one boolean.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $query$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateIAmAlivetimeKey: a silo's periodic heartbeat. Returns nothing and leaves the version as it is.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
    AND Address = @Address
    AND Port = @Port
    AND Generation = @Generation;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadRowKey: one silo's row together with the cluster's version. The version row drives
-- the join, so the query returns the version with NULL silo columns when the silo has no row. The
-- provider reads a NULL StartTime as "no entry". The query returns no rows only when the cluster
-- has no version row yet.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $query$
SELECT
    v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
    m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address
    AND m.Port = @Port
    AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadAllKey: every silo row of the cluster with the cluster's version, in one statement
-- so that rows and version come from the same snapshot.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $query$
SELECT
    v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
    m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteMembershipTableEntriesKey: removes a whole cluster (silo rows, then its version row).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $query$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- GatewaysQueryKey: what clients connect to. Returns Address, ProxyPort and Generation of every
-- silo whose status is @Status (the provider passes 3, Active) and which opened a gateway port.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $query$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
    AND Status = @Status
    AND ProxyPort > 0;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntriesKey: bulk removal of dead silos' rows whose start and last heartbeat are
-- both older than @IAmAliveTime. Rows that still carry suspicion votes are kept, because a vote may
-- be newer than the cutoff. Orleans 10.4.2 runs this query only when the catalog lacks
-- CleanupDefunctSiloEntryKey below; it still requires the key to exist.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
    AND Status = 6
    AND IAmAliveTime < @IAmAliveTime
    AND StartTime < @IAmAliveTime
    AND COALESCE(SuspectTimes, '') = '';
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntryKey (optional in 10.4.2, used when present): the provider reads all rows,
-- picks dead silos whose start, heartbeat and every suspicion vote are older than the cutoff, and
-- deletes each one with this query. The row is deleted only while it still contains the values
-- the provider read, so a row that changed in between is left for the next cleanup. The provider writes
-- no votes as NULL or as an empty string, and reads both as none, so the two compare equal here.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
    AND Address = @Address
    AND Port = @Port
    AND Generation = @Generation
    AND Status = 6
    AND StartTime = @StartTime
    AND IAmAliveTime = @IAmAliveTime
    AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
