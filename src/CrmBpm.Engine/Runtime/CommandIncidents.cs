using CrmBpm.Engine.Events;

namespace CrmBpm.Engine.Runtime;

/// <summary>What a command left stuck: read at its end, before the commit, for callers that asked to be told (<see cref="Errors.IncidentException"/>).</summary>
internal static class CommandIncidents
{
    /// <summary>
    /// The incidents raised in this command whose tokens are still stuck at its end (a terminate end reached later in the same
    /// command may have removed them), in the order they were raised, anywhere in the instance tree the command touched.
    /// </summary>
    public static async Task<IReadOnlyList<Incident>> StandingAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var standing = new List<Incident>();
        foreach (var raised in context.Events.OfType<IncidentRaised>())
        {
            var instance = await context.Session.GetInstanceAsync(raised.InstanceId, cancellationToken).ConfigureAwait(false);
            var incident = instance?.Incidents.FirstOrDefault(i => i.TokenId == raised.TokenId);
            if (incident is not null && !standing.Contains(incident))
            {
                standing.Add(incident);
            }
        }

        return standing;
    }
}
