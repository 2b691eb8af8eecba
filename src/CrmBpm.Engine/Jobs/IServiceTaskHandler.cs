namespace CrmBpm.Engine.Jobs;

/// <summary>
/// The code behind an automatic step, registered by name with <c>bpm.AddHandler&lt;T&gt;("send-offer")</c> and resolved from
/// DI in a new scope for every run. It runs outside any engine transaction, at least once per job: a node that dies after
/// the handler and before the engine recorded its result leaves the job to run again, so a handler with effects outside
/// the process uses <see cref="ServiceTaskContext.IdempotencyKey"/> to do them once.
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>
    /// Does the step's work and returns the variables to set on the instance (null or empty for none). Throwing fails the
    /// run: it is retried as the step's retry cycle says, then becomes an incident carrying the exception's message; a
    /// <see cref="BusinessErrorException"/> is a business outcome, not a failure, and is never retried.
    /// </summary>
    /// <param name="context">The instance, step and variables the handler works on.</param>
    /// <param name="cancellationToken">Cancelled at the step's timeout and when the host stops.</param>
    Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default);
}
