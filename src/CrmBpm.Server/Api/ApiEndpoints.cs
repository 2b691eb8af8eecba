namespace CrmBpm.Server.Api;

/// <summary>The REST API under /api: authenticated by default (cookie or bearer), problem details on every error.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every area.</summary>
    public static IEndpointRouteBuilder MapCrmBpmApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization()
            .AddEndpointFilter<RequestShapeFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapAuthEndpoints()
            .MapRouteMapsEndpoints()
            .MapInstancesEndpoints()
            .MapExternalTasksEndpoints()
            .MapMessagesEndpoints()
            .MapTasksEndpoints()
            .MapAbsencesEndpoints()
            .MapNotificationsEndpoints()
            .MapPartnersEndpoints()
            .MapLeadsEndpoints()
            .MapDealsEndpoints()
            .MapInstructionsEndpoints()
            .MapClaimsEndpoints()
            .MapCataloguesEndpoints()
            .MapCalendarEndpoints()
            .MapAdminEndpoints()
            .MapUserImportEndpoints()
            .MapOrganisationEndpoints();
        return endpoints;
    }
}
