using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>
/// One change of a schema component, from version <see cref="Version"/> − 1 to <see cref="Version"/>: a new table, column or
/// index, or a data fix. Written like the <c>Up</c> of an EF Core migration, with the same provider-neutral operations; the
/// database's own EF Core SQL generator turns them into SQL when the step runs. One class per step, listed in its
/// component (see the package README, "How to add a schema change").
/// </summary>
public abstract class SchemaStep
{
    /// <summary>The version the step brings the component to: 2 for the first step after the baseline, then 3, 4, …</summary>
    public abstract int Version { get; }

    /// <summary>What changes, in a few words; recorded with the version and printed when the step runs.</summary>
    public abstract string Description { get; }

    /// <summary>Adds the step's operations (<c>schema.AddColumn&lt;string&gt;(...)</c>, <c>schema.CreateTable(...)</c>, <c>schema.Sql(...)</c>).</summary>
    /// <param name="schema">The builder; <see cref="IsPostgreSql"/> tells the two databases apart where SQL must differ.</param>
    public abstract void Up(MigrationBuilder schema);

    /// <summary>True on PostgreSQL, false on SQLite: for data fixes whose SQL differs.</summary>
    /// <param name="schema">The builder given to <see cref="Up"/>.</param>
    protected static bool IsPostgreSql(MigrationBuilder schema) =>
        string.Equals(schema?.ActiveProvider, SchemaDatabase.PostgreSqlProvider, StringComparison.Ordinal);
}
