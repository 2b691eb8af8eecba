using System.Text.Json;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// The starting side of a signal broadcast: every map whose latest published version's Start is a signal start of the
/// signal's name starts one new instance, with the signal's variables, in the command that broadcasts it (from outside or
/// thrown by a map). A map that starts on a signal and, in the same command, throws it again (itself or through others)
/// would start instances without end: past <see cref="CrmBpmOptions.MaxNestingDepth"/> broadcasts inside one another the
/// command is refused (<c>signal.start-loop</c>) and nothing of it is kept.
/// </summary>
internal static class SignalStarts
{
    /// <summary>Starts the maps listening to <paramref name="signalName"/>; returns the instances started, in map key order.</summary>
    public static async Task<IReadOnlyList<Guid>> StartAsync(CommandContext context, InstanceExecutor executor, RouteMapCatalog catalog, CrmBpmOptions options,
        string signalName, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken cancellationToken)
    {
        var maps = await catalog.FindSignalStartsAsync(signalName, cancellationToken).ConfigureAwait(false);
        if (maps.Count == 0)
        {
            return [];
        }

        if (context.SignalStartDepth >= options.MaxNestingDepth)
        {
            throw new ConflictException("signal.start-loop",
                $"Signal '{signalName}' starts map '{maps[0].Map.Key}', which throws signals that start maps again more than {options.MaxNestingDepth} times in one command; the maps start one another without end. Nothing was started.");
        }

        context.SignalStartDepth++;
        try
        {
            var started = new List<Guid>(maps.Count);
            foreach (var map in maps)
            {
                var instance = await executor.StartAsync(context, map, variables, null, null, null, null, cancellationToken).ConfigureAwait(false);
                started.Add(instance.Id);
            }

            return started;
        }
        finally
        {
            context.SignalStartDepth--;
        }
    }
}
