using CrmBpm.Engine.Jobs;

namespace CrmBpm.Cli;

/// <summary>
/// Plays every handler a map names in a <c>crmbpm run</c> session, where no application registered the real ones: it
/// returns the variables the person gave with <c>run &lt;n&gt; name=value...</c> for that automatic step, and none otherwise,
/// so the step succeeds and the process goes on as it would after the real handler.
/// </summary>
internal sealed class StandInHandler(StandInAnswers answers) : IServiceTaskHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(answers.Take(context.InstanceId, context.PointId));
    }
}

/// <summary>The variables given in the terminal for the next run of an automatic step, by instance and point; each is used once.</summary>
internal sealed class StandInAnswers
{
    private readonly Dictionary<(Guid Instance, string Point), IReadOnlyDictionary<string, object?>> _answers = [];

    public void Give(Guid instanceId, string pointId, IReadOnlyDictionary<string, object?> variables)
    {
        lock (_answers)
        {
            _answers[(instanceId, pointId)] = variables;
        }
    }

    public IReadOnlyDictionary<string, object?>? Take(Guid instanceId, string pointId)
    {
        lock (_answers)
        {
            return _answers.Remove((instanceId, pointId), out var variables) ? variables : null;
        }
    }
}
