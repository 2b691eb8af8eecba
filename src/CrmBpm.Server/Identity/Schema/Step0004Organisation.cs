using CrmBpm.EntityFrameworkCore.Schema;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CrmBpm.Server.Identity.Schema;

/// <summary>
/// People and structure as catalogues: performer roles and addressing objects (departments, regions, business directions).
/// An existing database gets them filled from what its users' claims already say, so every pool and department in use stays
/// valid: each distinct role of a pool claim, each department claim (a Department, headed by the one active Head in it),
/// and each object after a pool's <c>@</c> that is not a department (a Region; the Administrator can change the kind).
/// Names are told apart case-insensitively as the catalogue does (SQLite's upper() folds only ASCII letters).
/// </summary>
internal sealed class Step0004Organisation : SchemaStep
{
    public override int Version => 4;

    public override string Description => "performer_roles, addressing_objects, filled from the users' pools and departments";

    public override void Up(MigrationBuilder schema)
    {
        schema.CreateTable("performer_roles", t => new
        {
            id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            name = t.Column<string>(maxLength: 200, nullable: false),
            description = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_performer_roles", x => x.id));
        schema.CreateIndex("ix_performer_roles_name", "performer_roles", "name", unique: true);

        schema.CreateTable("addressing_objects", t => new
        {
            id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            kind = t.Column<string>(maxLength: 32, nullable: false),
            name = t.Column<string>(maxLength: 200, nullable: false),
            parent_id = t.Column<long>(nullable: true),
            head_user_name = t.Column<string>(maxLength: 256, nullable: true),
            active = t.Column<bool>(nullable: false, defaultValue: true),
        }, constraints: t => t.PrimaryKey("PK_addressing_objects", x => x.id));
        schema.CreateIndex("ix_addressing_objects_name", "addressing_objects", "name", unique: true);
        schema.CreateIndex("ix_addressing_objects_parent", "addressing_objects", "parent_id");

        var postgres = IsPostgreSql(schema);
        var role = postgres ? "split_part(\"ClaimValue\", '@', 1)" : "CASE WHEN instr(\"ClaimValue\", '@') > 0 THEN substr(\"ClaimValue\", 1, instr(\"ClaimValue\", '@') - 1) ELSE \"ClaimValue\" END";
        var item = postgres ? "split_part(\"ClaimValue\", '@', 2)" : "substr(\"ClaimValue\", instr(\"ClaimValue\", '@') + 1)";
        var hasItem = postgres ? "position('@' in \"ClaimValue\") > 0" : "instr(\"ClaimValue\", '@') > 0";
        schema.Sql($"""
            INSERT INTO performer_roles (name)
            SELECT MIN(r) FROM (SELECT TRIM({role}) AS r FROM "AspNetUserClaims" WHERE "ClaimType" = '{CrmBpmClaims.Pool}') p
            WHERE r <> '' GROUP BY upper(r);
            """);
        schema.Sql($"""
            INSERT INTO addressing_objects (kind, name)
            SELECT 'Department', MIN(d) FROM (SELECT TRIM("ClaimValue") AS d FROM "AspNetUserClaims" WHERE "ClaimType" = '{CrmBpmClaims.Department}') p
            WHERE d <> '' GROUP BY upper(d);
            """);
        schema.Sql($"""
            INSERT INTO addressing_objects (kind, name)
            SELECT 'Region', MIN(o) FROM (SELECT TRIM({item}) AS o FROM "AspNetUserClaims" WHERE "ClaimType" = '{CrmBpmClaims.Pool}' AND {hasItem}) p
            WHERE o <> '' AND upper(o) NOT IN (SELECT upper(name) FROM addressing_objects) GROUP BY upper(o);
            """);
        schema.Sql($"""
            UPDATE addressing_objects SET head_user_name = (
                SELECT MIN(u."UserName") FROM "AspNetUsers" u
                JOIN "AspNetUserClaims" c ON c."UserId" = u."Id"
                JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
                JOIN "AspNetRoles" ro ON ro."Id" = ur."RoleId"
                WHERE c."ClaimType" = '{CrmBpmClaims.Department}' AND upper(TRIM(c."ClaimValue")) = upper(addressing_objects.name)
                  AND ro."Name" = '{AppRoles.Head}' AND u."DeactivatedAt" IS NULL)
            WHERE kind = 'Department';
            """);
    }
}
