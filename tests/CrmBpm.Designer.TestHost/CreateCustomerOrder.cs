using CrmBpm.Engine.Jobs;

namespace CrmBpm.Designer.TestHost;

/// <summary>A handler the host registers, so the designer's handler picker has something to list and publishing a map that calls it succeeds.</summary>
internal sealed class CreateCustomerOrder : IServiceTaskHandler
{
    public const string Name = "create-customer-order";

    public static readonly HandlerDescription Description = new()
    {
        Summary = "Creates the customer order for the deal.",
        Inputs = [new HandlerVariable("amount", "number", "The order amount.", Required: true)],
        Outputs = [new HandlerVariable("orderNumber", "text", "The number of the order created.")],
    };

    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["orderNumber"] = "SO-" + context.InstanceId.ToString()[..8] });
}
