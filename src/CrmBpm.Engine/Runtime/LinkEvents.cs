using System.Runtime.CompilerServices;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Link events at run time. A token reaching a throw link is replaced, in the same step, by a token at the catch link of the
/// same name in its scope (the history records a <see cref="HistoryKind.TokenMoved"/> from the throw to the catch with the
/// link's name and no flow); the catch link then leaves by its flows like any point that does no work. A published map always
/// has the catch (<c>link.catch-missing</c>); should it not, the throw gets an incident rather than losing the token.
/// </summary>
internal static class LinkEvents
{
    /// <summary>Per compiled scope: the catch link of each throw link, and the throw links landing on each catch link.</summary>
    private static readonly ConditionalWeakTable<CompiledRouteMap, Links> Cache = new();

    /// <summary>Moves <paramref name="token"/> from the throw link to its catch link.</summary>
    public static void Jump(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, LinkThrowPoint link)
    {
        if (!LinksOf(map).Targets.TryGetValue(link.Id, out var target))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.PointNotExecutable,
                $"{link.KindName} '{link.DisplayName}' jumps to link '{link.LinkName}', but its scope has no catch link of that name.");
            return;
        }

        InstanceExecutor.Replace(instance, token, new Token { Id = Ids.Next(), PointId = target.Id });
        context.Record(instance, HistoryKind.TokenMoved, pointId: target.Id, fromPointId: link.Id, details: $"link '{link.LinkName}'");
        context.Events.Add(new PointEntered(instance.Id, instance.MapKey, instance.Subject, context.Now, target.Id, null));
    }

    /// <summary>The throw links whose tokens land on <paramref name="catchId"/> (none for any other point): what comes before it.</summary>
    public static IReadOnlyList<string> ThrowsInto(CompiledRouteMap map, string catchId) =>
        LinksOf(map).Landings.TryGetValue(catchId, out var throws) ? throws : [];

    private static Links LinksOf(CompiledRouteMap map) => Cache.GetValue(map, m =>
    {
        var targets = LinkTargets.Of(m.Map.Points);
        var landings = targets.GroupBy(t => t.Value.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(t => t.Key)], StringComparer.Ordinal);
        return new Links(targets, landings);
    });

    private sealed record Links(Dictionary<string, LinkCatchPoint> Targets, Dictionary<string, IReadOnlyList<string>> Landings);
}
