using CrmBpm.Benchmarks.Scenarios;

var quick = args.Contains("--quick");
if (!args.Contains("--probe")) {
var inMemory = await InProcessThroughput.MeasureAsync(b => b.UseInMemoryStore(), quick ? 500 : 5000, quick ? 3 : 5);
Console.WriteLine($"in-memory: median {inMemory.Median:F0} instances/s (p95 {inMemory.P95:F0})");
}
if (args.Contains("--probe"))
{
    var ev = new CrmBpm.Engine.Expressions.JintExpressionEvaluator(new CrmBpm.Engine.Expressions.ExpressionLimits());
    var vars = CrmBpm.Engine.Runtime.Variables.From(new Dictionary<string, object?> { ["amount"] = 5000 });
    try { Console.WriteLine(ev.Evaluate("amount * 2", vars)); } catch (Exception e) { Console.WriteLine(e); }
    for (var i = 0; i < 2000; i++) ev.Evaluate("amount > 100", vars);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < 200000; i++) ev.Evaluate("amount > 100", vars);
    Console.WriteLine($"jint eval: {sw.Elapsed.TotalMicroseconds / 200000:F1} us");
}
