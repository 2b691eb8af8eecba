using CrmBpm.Testing.Postgres;
using Xunit;

// Skips the [RequiresPostgres] classes, with the reason, when no PostgreSQL server is configured (see CrmBpm.Testing/Postgres).
[assembly: TestFramework("CrmBpm.Testing.Postgres.CrmBpmTestFramework", "CrmBpm.Testing")]
