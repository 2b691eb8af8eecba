using System.Text.Json;

namespace CrmBpm.Server.RouteMaps;

/// <summary>
/// The variables a person types when starting an instance from the UI: one <c>name=value</c> per line. A value that reads
/// as JSON (<c>5000</c>, <c>true</c>, <c>"text"</c>, <c>[1, 2]</c>) is taken as that JSON value, so expressions such as
/// <c>amount &gt; 1000</c> compare numbers; anything else is text.
/// </summary>
public sealed record StartVariables(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<StartVariables.BadLine> Problems)
{
    /// <summary>Why a line was not taken.</summary>
    public enum Reason
    {
        /// <summary>The line has no '='.</summary>
        NoEquals,

        /// <summary>The name is not letters, digits and '_' starting with a letter or '_' (expressions could not use it).</summary>
        BadName,

        /// <summary>The name was given on an earlier line too.</summary>
        Repeated,
    }

    /// <summary>A line that was not taken: its 1-based number, its name (as typed) and why.</summary>
    public sealed record BadLine(int Line, string Name, Reason Reason);

    /// <summary>Reads <paramref name="text"/>; blank lines are skipped.</summary>
    public static StartVariables Parse(string? text)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<BadLine>();
        var lines = (text ?? "").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problems.Add(new BadLine(index + 1, line, Reason.NoEquals));
                continue;
            }

            var name = line[..equals].Trim();
            if (!IsName(name))
            {
                problems.Add(new BadLine(index + 1, name, Reason.BadName));
            }
            else if (!values.TryAdd(name, Value(line[(equals + 1)..].Trim())))
            {
                problems.Add(new BadLine(index + 1, name, Reason.Repeated));
            }
        }

        return new StartVariables(values, problems);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static object? Value(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
