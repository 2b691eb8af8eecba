using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Crm;

/// <summary>
/// Correcting records: a deal's expected close date and description; a change log on deals, partners, contacts, claims and
/// interactions; several phones, e-mails and addresses per partner and contact, the single phone and e-mail of an older
/// record becoming its first (work) entry.
/// </summary>
internal sealed class Step0002CorrectingRecords : SchemaStep
{
    private static readonly string[] LoggedTables = ["crm_deals", "crm_partners", "crm_contacts", "crm_claims", "crm_interactions"];
    private static readonly string[] ChannelTables = ["crm_partners", "crm_contacts"];

    public override int Version => 2;

    public override string Description => "deal close date and description; change logs; phones, e-mails and addresses with kinds";

    public override void Up(MigrationBuilder schema)
    {
        var json = IsPostgreSql(schema) ? "jsonb" : "TEXT";
        schema.AddColumn<DateOnly>("expected_close_date", "crm_deals", nullable: true);
        schema.AddColumn<string>("description", "crm_deals", maxLength: 8000, nullable: false, defaultValue: "");
        foreach (var table in LoggedTables)
        {
            schema.AddColumn<string>("change_log", table, type: json, nullable: false, defaultValue: "[]");
        }

        foreach (var table in ChannelTables)
        {
            schema.AddColumn<string>("phones", table, type: json, nullable: false, defaultValue: "[]");
            schema.AddColumn<string>("emails", table, type: json, nullable: false, defaultValue: "[]");
            schema.AddColumn<string>("addresses", table, type: json, nullable: false, defaultValue: "[]");
            schema.Sql(IsPostgreSql(schema)
                ? $"""
                   UPDATE {table} SET phones = jsonb_build_array(jsonb_build_object('kind', 'Work', 'number', phone)) WHERE phone IS NOT NULL;
                   UPDATE {table} SET emails = jsonb_build_array(jsonb_build_object('kind', 'Work', 'address', email)) WHERE email IS NOT NULL;
                   """
                : $"""
                   UPDATE {table} SET phones = json_array(json_object('kind', 'Work', 'number', phone)) WHERE phone IS NOT NULL;
                   UPDATE {table} SET emails = json_array(json_object('kind', 'Work', 'address', email)) WHERE email IS NOT NULL;
                   """);
        }
    }
}
