-- Query catalog of the Orleans ADO.NET providers (Microsoft.Orleans.*.AdoNet 10.4.2) on PostgreSQL 15.
--
-- The providers never embed SQL of their own for PostgreSQL. At startup each one runs
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards executes only the texts it finds here,
-- binding its parameters by name (@DeploymentId, @GrainIdHash, ...) and reading result columns by
-- name. The later scripts add one row per query key. Run the scripts in file-name order.
--
-- Every script in this folder can be run again on a database that already has the schema: tables
-- and indexes are created only when missing, functions are replaced and query rows are upserted,
-- so re-running refreshes the queries and keeps all stored rows.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText text NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
