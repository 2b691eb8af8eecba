using System.Globalization;
using CrmBpm.Engine.Jobs;

namespace CrmBpm.NodeHost;

/// <summary>
/// The automatic step of the <c>node-auto</c> map. Every run appends <c>instanceId idempotencyKey node ran|hung</c> to the
/// handler log, so the test can tell which node ran which job how often (a job runs at least once: a node killed while its
/// handler runs leaves the job to run again elsewhere with the same idempotency key). A victim node's first run after its
/// reminders were dropped logs <c>hung</c> and never returns (see <see cref="NodeFaults"/>).
/// </summary>
internal sealed class NodeBillHandler(NodeArguments arguments, NodeFaults faults) : IServiceTaskHandler
{
    private static readonly Lock Gate = new();

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
    {
        if (faults.TakeHandlerHang())
        {
            Log(context, "hung");
            await Console.Error.WriteLineAsync($"{arguments.NodeId}: handler hangs on job {context.IdempotencyKey} (--hang-in-handler)");
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        await Task.Delay(20, cancellationToken); // a little work, so a kill can land mid-handler
        Log(context, "ran");
        return new Dictionary<string, object?> { ["billedBy"] = arguments.NodeId };
    }

    private void Log(ServiceTaskContext context, string what)
    {
        if (arguments.HandlerLog is not { } path)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllLines(path, [string.Create(CultureInfo.InvariantCulture, $"{context.InstanceId} {context.IdempotencyKey} {arguments.NodeId} {what}")]);
        }
    }
}
