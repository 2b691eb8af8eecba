namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// The real server on a new, empty database (<c>Demo:Seed=false</c>): no user, no published map, nothing but what the
/// product creates by itself; the first Administrator has to be set up on /setup.
/// </summary>
public sealed class EmptyServerFixture() : ServerFixture(demo: false);
