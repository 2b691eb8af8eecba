using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Message and signal subscriptions are rows of <c>timers</c> too (kinds <c>MessageSubscription</c> and <c>SignalSubscription</c>,
/// never due): one persisted wait with one lease. A subscription names the message or signal it waits for and, for a message,
/// the key a message must carry; a correlation finds its subscriptions by name.
/// </summary>
internal sealed class Step0006EventSubscriptions : SchemaStep
{
    public override int Version => 6;

    public override string Description => "timers.event_name and timers.correlation_key (message and signal subscriptions), ix_timers_subscriptions";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("event_name", TableNames.Timers, maxLength: 200, nullable: true);
        schema.AddColumn<string>("correlation_key", TableNames.Timers, maxLength: 200, nullable: true);
        schema.CreateIndex(TimerEntityConfiguration.SubscriptionsIndex, TableNames.Timers, ["event_name", "kind", "fired_at"]);
    }
}
