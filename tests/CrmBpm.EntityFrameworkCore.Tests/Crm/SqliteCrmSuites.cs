using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.CrmSuites;
using CrmBpm.Testing.CrmSuites.Catalogues;
using CrmBpm.Testing.CrmSuites.Claims;
using CrmBpm.Testing.CrmSuites.Deals;
using CrmBpm.Testing.CrmSuites.Duplicates;
using CrmBpm.Testing.CrmSuites.Instructions;
using CrmBpm.Testing.CrmSuites.Interactions;
using CrmBpm.Testing.CrmSuites.Leads;
using CrmBpm.Testing.CrmSuites.Partners;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

// Every CRM suite (tests/CrmBpm.Testing/CrmSuites) on SQLite: engine and CRM in one temp file per test.

public sealed class Sqlite_catalogues_are_editable_lists : catalogues_are_editable_lists
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_claim_handling : claim_handling
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_deal_kind_changes : deal_kind_changes
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_manual_stage_deal : manual_stage_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_non_process_deal : non_process_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_probability_estimate : probability_estimate
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_process_controlled_deal : process_controlled_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_registration_checks_for_duplicates : registration_checks_for_duplicates
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_instruction_process : instruction_process
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_interactions_form_chains_by_subject : interactions_form_chains_by_subject
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_lead_conversion_on_the_first_deal : lead_conversion_on_the_first_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_crm_store : CrmStoreContract
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_correcting_a_deal : correcting_a_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_correcting_partners_and_contacts : correcting_partners_and_contacts
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_correcting_a_claim_plan : correcting_a_claim_plan
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_correcting_an_interaction : correcting_an_interaction
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}

public sealed class Sqlite_notifications_follow_tasks : CrmBpm.Testing.CrmSuites.Notifications.notifications_follow_tasks
{
    protected override ICrmTestDatabase CreateDatabase() => new SqliteTestFile();
}
