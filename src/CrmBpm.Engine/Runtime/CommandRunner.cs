using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Runs a command as one transaction and retries it from a fresh read when another command changed the
/// same instance first, so concurrent completions never lose or duplicate a token. The transaction handlers
/// (<see cref="IEngineTransactionHandler"/>, the CRM following its processes) run inside it, before the commit;
/// events are published only after the commit succeeded.
/// </summary>
internal sealed class CommandRunner(
    IWorkflowStore store,
    TimeProvider clock,
    CrmBpmOptions options,
    IEnumerable<IEngineTransactionHandler> transactionHandlers,
    EngineEventPublisher publisher,
    Jobs.JobWake jobWake,
    Calendar.IBusinessCalendar calendar,
    ILogger<CommandRunner> logger)
{
    private readonly IEngineTransactionHandler[] _transactionHandlers = [.. transactionHandlers];

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<T> RunAsync<T>(string actor, Func<CommandContext, Task<T>> command, CancellationToken cancellationToken) =>
        RunAsync(actor, null, command, cancellationToken);

    /// <summary>Runs a command; <paramref name="joinedWork"/> (the caller's, see <see cref="StartOptions.JoinedWork"/>) reaches the transaction handlers of every attempt.</summary>
    public async Task<T> RunAsync<T>(string actor, object? joinedWork, Func<CommandContext, Task<T>> command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var context = new CommandContext(session, clock.GetUtcNow(), actor) { Calendar = calendar };
                var transaction = new EngineTransaction(session, joinedWork);
                T result;
                try
                {
                    // A command may itself find that what it read was changed meanwhile (a stale read); that is retried too.
                    result = await command(context).ConfigureAwait(false);
                    foreach (var handler in _transactionHandlers)
                    {
                        await handler.HandleAsync(transaction, context.Events, cancellationToken).ConfigureAwait(false);
                    }

                    await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyException ex) when (attempt < options.MaxConcurrencyRetries)
                {
                    logger.LogDebug(ex, "Concurrent change; retrying command (attempt {Attempt}).", attempt + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (attempt * 5))), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (context.ScheduledJob)
                {
                    jobWake.Pulse();
                }

                await RunAfterCommitAsync(transaction, cancellationToken).ConfigureAwait(false);
                await publisher.PublishAsync(context.Events, cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>The command has committed: what its transaction handlers left for afterwards may fail, but not undo it.</summary>
    private async Task RunAfterCommitAsync(EngineTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var action in transaction.AfterCommitActions)
        {
            try
            {
                await action(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The command has committed; a failure afterwards must not turn it into an error.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Work after a command's commit failed; the command stands.");
            }
        }
    }
}
