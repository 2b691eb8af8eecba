using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>Substitution: a history entry names the absent person a substitute acted for.</summary>
internal sealed class Step0002HistoryOnBehalfOf : SchemaStep
{
    public override int Version => 2;

    public override string Description => "history.on_behalf_of (substitutes acting for an absent person)";

    public override void Up(MigrationBuilder schema) =>
        schema.AddColumn<string>("on_behalf_of", "history", maxLength: 200, nullable: true);
}
