using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Cli;

/// <summary>A map read from a file, with where its elements are.</summary>
internal sealed record LoadedMap(RouteMap Map, string Path, BpmnImportResult Source)
{
    public int LineOf(string? elementId) => Source.Locate(Map.Key, elementId)?.Line ?? 1;
}

/// <summary>The maps of several files read together: problems of each file, and the maps in dependency order.</summary>
internal sealed class MapFiles
{
    private MapFiles(List<string> problems, List<LoadedMap> maps)
    {
        Problems = problems;
        Maps = maps;
    }

    /// <summary>Problems, already formatted as <c>file(line): [id] message</c>.</summary>
    public List<string> Problems { get; }

    /// <summary>Every map read, nested maps before the maps that call them.</summary>
    public List<LoadedMap> Maps { get; }

    public static MapFiles Read(IEnumerable<string> paths)
    {
        var problems = new List<string>();
        var maps = new List<LoadedMap>();
        foreach (var path in paths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                var result = new BpmnImporter().Read(stream);
                foreach (var map in result.Maps)
                {
                    var loaded = new LoadedMap(map, path, result);
                    if (maps.FirstOrDefault(m => m.Map.Key == map.Key) is { } other)
                    {
                        problems.Add(Format(path, loaded.LineOf(null), map.Key, $"The map key '{map.Key}' is also used in {other.Path}; keys must be unique."));
                        continue;
                    }

                    maps.Add(loaded);
                }
            }
            catch (BpmnImportException ex)
            {
                problems.AddRange(ex.Problems.Select(p => Format(path, p.Line, p.ElementId, p.Message)));
            }
        }

        return new MapFiles(problems, DependencyOrder(maps));
    }

    /// <summary>
    /// Validates every map against the others (nested maps resolve among the files read); returns formatted problems,
    /// errors first (they refuse publishing), then warnings (written <c>file(line): warning: …</c>).
    /// </summary>
    public (List<string> Errors, List<string> Warnings) Validate()
    {
        var byKey = Maps.ToDictionary(m => m.Map.Key, m => m.Map, StringComparer.Ordinal);
        var context = new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), byKey.GetValueOrDefault);
        var validator = new RouteMapValidator();
        var errors = new List<string>();
        var warnings = new List<string>();
        foreach (var loaded in Maps)
        {
            foreach (var problem in validator.Validate(loaded.Map, context))
            {
                var text = Format(loaded.Path, loaded.LineOf(problem.PointId ?? problem.FlowId), problem.PointId ?? problem.FlowId ?? loaded.Map.Key, problem.Message);
                (problem.IsError ? errors : warnings).Add(problem.IsError ? text : text.Replace("): ", "): warning: ", StringComparison.Ordinal));
            }
        }

        return (errors, warnings);
    }

    public static string Format(string path, int line, string? elementId, string message) =>
        $"{path}({Math.Max(1, line)}): " + (elementId is null ? message : $"[{elementId}] {message}");

    /// <summary>Nested maps before their callers; an explicit stack, as a chain of nested maps can be as long as the files make it.</summary>
    private static List<LoadedMap> DependencyOrder(List<LoadedMap> maps)
    {
        var byKey = maps.ToDictionary(m => m.Map.Key, StringComparer.Ordinal);
        var ordered = new List<LoadedMap>();
        var seen = new HashSet<string>(StringComparer.Ordinal); // visiting or done; a cycle is reported by the validator
        foreach (var root in maps)
        {
            if (!seen.Add(root.Map.Key))
            {
                continue;
            }

            var stack = new Stack<(LoadedMap Map, IEnumerator<string> Called)>();
            stack.Push((root, CalledKeys(root)));
            while (stack.TryPeek(out var top))
            {
                if (top.Called.MoveNext())
                {
                    if (byKey.TryGetValue(top.Called.Current, out var called) && seen.Add(called.Map.Key))
                    {
                        stack.Push((called, CalledKeys(called)));
                    }

                    continue;
                }

                stack.Pop().Called.Dispose();
                ordered.Add(top.Map);
            }
        }

        return ordered;
    }

    private static IEnumerator<string> CalledKeys(LoadedMap map) =>
        map.Map.Points.OfType<NestedProcessPoint>().Select(n => n.CalledMapKey).GetEnumerator();
}
