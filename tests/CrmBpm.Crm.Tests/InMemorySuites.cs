using CrmBpm.Testing.CrmSuites;
using CrmBpm.Testing.CrmSuites.Catalogues;
using CrmBpm.Testing.CrmSuites.Claims;
using CrmBpm.Testing.CrmSuites.Deals;
using CrmBpm.Testing.CrmSuites.Duplicates;
using CrmBpm.Testing.CrmSuites.Instructions;
using CrmBpm.Testing.CrmSuites.Interactions;
using CrmBpm.Testing.CrmSuites.Leads;
using CrmBpm.Testing.CrmSuites.Partners;

namespace CrmBpm.Crm.Tests;

// Every CRM suite (tests/CrmBpm.Testing/CrmSuites) on the in-memory stores: one sealed subclass each. The same suites run on
// SQLite and PostgreSQL in CrmBpm.EntityFrameworkCore.Tests/Crm; a new suite gets a class here and there.

public sealed class InMemory_catalogues_are_editable_lists : catalogues_are_editable_lists
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_claim_handling : claim_handling
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_deal_kind_changes : deal_kind_changes
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_manual_stage_deal : manual_stage_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_non_process_deal : non_process_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_probability_estimate : probability_estimate
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_process_controlled_deal : process_controlled_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_registration_checks_for_duplicates : registration_checks_for_duplicates
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_instruction_process : instruction_process
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_interactions_form_chains_by_subject : interactions_form_chains_by_subject
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_lead_conversion_on_the_first_deal : lead_conversion_on_the_first_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_correcting_a_deal : correcting_a_deal
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_correcting_partners_and_contacts : correcting_partners_and_contacts
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_correcting_a_claim_plan : correcting_a_claim_plan
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_correcting_an_interaction : correcting_an_interaction
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}

public sealed class InMemory_notifications_follow_tasks : CrmBpm.Testing.CrmSuites.Notifications.notifications_follow_tasks
{
    protected override ICrmTestDatabase CreateDatabase() => new InMemoryCrmTestDatabase();
}
