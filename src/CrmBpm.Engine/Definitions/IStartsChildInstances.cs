namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An activity whose work runs as child instances (a Nested process, a sub-process): the token waits while they run and leaves when they
/// complete. It may be multi-instance, one child per item; the engine runs every such activity the same way.
/// </summary>
public interface IStartsChildInstances : IMultiInstanceActivity;
