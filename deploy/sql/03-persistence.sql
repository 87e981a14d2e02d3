-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (AddAdoNetGrainStorage, invariant
-- "Npgsql").
--
-- A grain's state is one row, found by the service id, the grain type name and the grain key. The
-- provider splits the key into GrainIdN0 and GrainIdN1 (a Guid's two halves, or 0 and an integer
-- key) plus GrainIdExtensionString (a key extension, or the whole key of a string-keyed grain, or
-- NULL). It also sends 32-bit hashes of the key and of the type name. The hashes only narrow the
-- index lookup, because different grains may share a hash.
--
-- Version is the ETag. A write or clear succeeds only when the grain's ETag equals the stored
-- version (or, for a grain never written, when no row exists) and returns the new version. On a
-- mismatch the write, clear and delete queries return NULL, and the provider raises
-- InconsistentStateException. PayloadBinary is the state as serialized by the storage's configured
-- grain storage serializer.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString text NOT NULL,
    GrainIdExtensionString text NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NULL
);

-- One row per grain. The long text columns are indexed by their md5 digest because a btree entry
-- is limited to about 2.7 kB. NULLS NOT DISTINCT (PostgreSQL 15) makes a NULL key extension take
-- part in uniqueness. This index is the conflict target of the first write of a grain, so two
-- activations that both believe the grain is new cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS IX_OrleansStorage_Grain
    ON OrleansStorage (
        GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1,
        md5(GrainTypeString), md5(GrainIdExtensionString))
    NULLS NOT DISTINCT;

-- ReadFromStorageKey: returns PayloadBinary and Version of the grain's row, or no row for a grain
-- never written. A row with a NULL payload is a cleared state whose version is still the ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
    AND GrainTypeHash = @GrainTypeHash
    AND ServiceId = @ServiceId
    AND GrainIdN0 = @GrainIdN0
    AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- WriteToStorageKey: with an ETag (@GrainStateVersion) it replaces the payload of the row holding
-- that version; without one it inserts the grain's first row at version 1. Returns one row whose
-- NewGrainStateVersion is the new version, or NULL when the ETag did not match or the first insert
-- lost to a row that already exists.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
    WHERE @GrainStateVersion IS NOT NULL
        AND GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, Version)
    SELECT
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted) AS NewGrainStateVersion;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ClearStorageKey: empties the payload but keeps the row, so the version keeps counting and a stale
-- activation cannot write over the clear. Returns one row whose first column is the new version, or
-- NULL when the ETag did not match.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteStorageKey: used instead of ClearStorageKey when the storage is configured with
-- DeleteStateOnClear = true; deletes the row. The provider treats a returned value equal to the old
-- ETag as a conflict, so success returns the old version plus one, and a mismatch returns NULL.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version + 1 FROM deleted) AS NewGrainStateVersion;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
