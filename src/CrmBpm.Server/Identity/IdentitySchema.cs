using CrmBpm.EntityFrameworkCore.Schema;

namespace CrmBpm.Server.Identity;

/// <summary>
/// The Identity tables in the shared database, versioned like the engine's and the CRM's (<see cref="SchemaMigrator"/>):
/// created at the latest version in a new database, upgraded step by step in an older one.
/// </summary>
internal static class IdentitySchema
{
    /// <summary>The component; a schema change of Identity adds its step at the end of the list (see the EntityFrameworkCore README).</summary>
    public static SchemaComponent Component { get; } = new(
        "identity",
        baselineTables: ["AspNetRoles", "AspNetUsers", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens"],
        steps:
        [
            new Schema.Step0002UserAdministration(),
            new Schema.Step0003Absences(),
            new Schema.Step0004Organisation(),
        ]);

    /// <summary>Creates or upgrades the tables; true when they were created (a new database).</summary>
    public static async Task<bool> EnsureCreatedAsync(CrmBpmIdentityDbContext db, ILogger logger, CancellationToken cancellationToken) =>
        (await SchemaMigrator.MigrateAsync(db, Component, logger, cancellationToken)).Created;
}
