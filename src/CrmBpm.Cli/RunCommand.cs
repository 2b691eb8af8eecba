using System.Text.Json;
using CrmBpm.Engine;
using CrmBpm.Engine.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Cli;

/// <summary><c>crmbpm run file.bpmn...</c>: deploys the maps on a throw-away engine, starts one and hands over to a <see cref="Session"/>.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? mapKey = null;
        var user = "cli";
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            var hasValue = i + 1 < args.Length;
            switch (option)
            {
                case "--map" when hasValue:
                    mapKey = args[++i];
                    break;
                case "--as" when hasValue:
                    user = args[++i];
                    break;
                case "--var" when hasValue && Values.TryParseAssignment(args[i + 1], out var name, out var value):
                    variables[name] = value;
                    i++;
                    break;
                default:
                    if (option.StartsWith('-'))
                    {
                        await output.WriteLineAsync($"crmbpm run: unknown or incomplete option '{option}'.\nUsage: crmbpm run <file.bpmn>... [--map <key>] [--var name=value]... [--as <user>]");
                        return CliApp.Usage;
                    }

                    files.Add(option);
                    break;
            }
        }

        if (files.Count == 0)
        {
            await output.WriteLineAsync("Usage: crmbpm run <file.bpmn>... [--map <key>] [--var name=value]... [--as <user>]");
            return CliApp.Usage;
        }

        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            await output.WriteLineAsync($"crmbpm: file not found: {missing}");
            return CliApp.Usage;
        }

        var maps = MapFiles.Read(files);
        var (errors, warnings) = maps.Validate();
        warnings.ForEach(output.WriteLine);
        var problems = maps.Problems.Concat(errors).ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(output.WriteLine);
            await output.WriteLineAsync("The maps have problems; fix them first (crmbpm validate lists the same).");
            return CliApp.Problems;
        }

        var firstOfFirstFile = maps.Maps.Where(m => m.Path == files[0]).Select(m => m.Source.Maps[0].Key).FirstOrDefault();
        mapKey ??= firstOfFirstFile;
        if (mapKey is null || maps.Maps.All(m => m.Map.Key != mapKey))
        {
            await output.WriteLineAsync($"crmbpm run: no map '{mapKey}'. Maps: {string.Join(", ", maps.Maps.Select(m => m.Map.Key))}.");
            return CliApp.Usage;
        }

        // Time stands still until 'advance' moves it; automatic steps run with stand-ins for the handlers the maps name.
        var clock = new SimulatedClock(TimeProvider.System.GetUtcNow());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<StandInAnswers>();
        services.AddCrmBpm(bpm =>
        {
            bpm.UseInMemoryStore().Configure(o => o.RunTimers = false);
            foreach (var handler in maps.Maps.SelectMany(m => m.Map.Points).OfType<Engine.Definitions.ServicePoint>().Select(p => p.Handler).Distinct(StringComparer.Ordinal))
            {
                bpm.AddHandler<StandInHandler>(handler);
            }
        });
        await using var provider = services.BuildServiceProvider();
        var routeMaps = provider.GetRequiredService<Engine.Definitions.IRouteMapService>();
        foreach (var loaded in maps.Maps)
        {
            await routeMaps.DeployAsync(loaded.Map, cancellationToken);
        }

        var engine = provider.GetRequiredService<Engine.Runtime.IProcessEngine>();
        Engine.Runtime.ProcessInstance instance;
        try
        {
            instance = await engine.StartAsync(mapKey, new StartOptions { Variables = variables, StartedBy = user }, cancellationToken);
        }
        catch (Engine.Errors.InputException refused)
        {
            // e.g. a required start variable the map declares: give it with --var name=value
            refused.Problems.ToList().ForEach(p => output.WriteLine(p.Message));
            await output.WriteLineAsync("Give the map's start variables with --var name=value.");
            return CliApp.Usage;
        }

        var session = new Session(provider, instance.Id, user, output, clock);
        await output.WriteLineAsync($"Started '{maps.Maps.Single(m => m.Map.Key == mapKey).Map.Name}' ({mapKey}) on a throw-away in-memory engine. Type 'help' for commands.");
        return await session.RunAsync(input, cancellationToken);
    }
}

/// <summary>Parses command-line values: JSON when it is JSON, else text.</summary>
internal static class Values
{
    public static bool TryParseAssignment(string text, out string name, out object? value)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        name = at > 0 ? text[..at].Trim() : "";
        value = at > 0 ? Parse(text[(at + 1)..]) : null;
        return name.Length > 0;
    }

    public static object? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
