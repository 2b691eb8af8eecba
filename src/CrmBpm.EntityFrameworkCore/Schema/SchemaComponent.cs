namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>
/// The tables of one DbContext and the steps that changed them since the baseline. Version 1 is the baseline: the schema
/// every database had before versioning, recognised by <see cref="BaselineTables"/>; each step raises the version by one.
/// Several components share one database, each with its own rows in <c>schema_versions</c>.
/// </summary>
public sealed class SchemaComponent
{
    /// <summary>The version of a database made before schema versioning.</summary>
    public const int BaselineVersion = 1;

    /// <summary>Creates a component; the steps must be numbered 2, 3, … in order, without gaps.</summary>
    /// <param name="name">The component's name in <c>schema_versions</c> (<c>engine</c>, <c>crm</c>, <c>identity</c>).</param>
    /// <param name="baselineTables">The component's tables at version 1.</param>
    /// <param name="steps">The steps after the baseline, in order.</param>
    public SchemaComponent(string name, IReadOnlyList<string> baselineTables, IReadOnlyList<SchemaStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(baselineTables);
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != BaselineVersion + 1 + i)
            {
                throw new ArgumentException(
                    $"Schema step {steps[i].GetType().Name} of '{name}' has version {steps[i].Version} but is number {i + 1} after the baseline, " +
                    $"so its version must be {BaselineVersion + 1 + i}: number steps 2, 3, … in the order they are listed.", nameof(steps));
            }
        }

        Name = name;
        BaselineTables = baselineTables;
        Steps = steps;
    }

    /// <summary>The component's name in <c>schema_versions</c>.</summary>
    public string Name { get; }

    /// <summary>The tables a database of version 1 has: all of them mean "baseline", none means "new".</summary>
    public IReadOnlyList<string> BaselineTables { get; }

    /// <summary>The steps after the baseline; step <c>i</c> (0-based) brings the component to version <c>i + 2</c>.</summary>
    public IReadOnlyList<SchemaStep> Steps { get; }

    /// <summary>The version this build creates and upgrades to.</summary>
    public int LatestVersion => BaselineVersion + Steps.Count;

    /// <summary>The same component with more steps (tests prove the step machinery with made-up ones).</summary>
    /// <param name="steps">Steps after this component's last one.</param>
    public SchemaComponent With(params SchemaStep[] steps) => new(Name, BaselineTables, [.. Steps, .. steps]);
}
