using System.Text.Json;
using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Jobs;

namespace CrmBpm.Crm.Handlers;

/// <summary>
/// The automatic step <c>crm.set-deal-amount</c>: sets the potential amount of the deal the process is about from the
/// variable <c>amount</c> (e.g. the offer amount a manager entered), so a consultant keeps the deal card in step with the
/// process without code. Setting the same amount again changes nothing, so a repeated run is harmless. A process that is
/// not about a deal, or has no number in <c>amount</c>, is a business error (no retry): the map is wrong, not the moment.
/// </summary>
internal sealed class SetDealAmount(DealService deals) : IServiceTaskHandler
{
    public const string Name = "crm.set-deal-amount";

    public static readonly HandlerDescription Description = new()
    {
        Summary = "Sets the potential amount of the deal the process is about.",
        Inputs = [new HandlerVariable("amount", "number", "The new potential amount.", Required: true)],
    };

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Subject is not { Type: DealService.SubjectType } subject || !Guid.TryParse(subject.Id, out var dealId))
        {
            throw new BusinessErrorException("not-a-deal", $"The step '{context.PointId}' sets a deal's amount, but instance {context.InstanceId} is not about a deal.");
        }

        if (!context.Variables.TryGetValue("amount", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount) || amount < 0)
        {
            throw new BusinessErrorException("amount-missing", $"The step '{context.PointId}' needs the variable 'amount' holding a number of at least 0.");
        }

        var deal = await deals.GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        if (deal.PotentialAmount != amount)
        {
            await deals.EditAsync(dealId, new DealDetails
            {
                Title = deal.Title,
                PotentialAmount = amount,
                ExpectedCloseDate = deal.ExpectedCloseDate,
                Description = deal.Description,
                PrimaryDemand = deal.PrimaryDemand,
                Interest = deal.Interest,
                AdChannel = deal.AdChannel,
            }, by: $"process {context.MapKey}", expectedVersion: null, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
