using System.Text;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Validation;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CrmBpm.Server.Api;

/// <summary>/api/route-maps: upload and download BPMN 2.0, validate, publish, versions.</summary>
public static class RouteMapsEndpoints
{
    private const string BpmnContentType = "application/xml";

    /// <summary>Maps the route map endpoints.</summary>
    public static RouteGroupBuilder MapRouteMapsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/route-maps").WithTags("Route maps");
        group.MapGet("/", ListRouteMaps).WithName("ListRouteMaps").WithSummary("The newest version of every route map.");
        group.MapGet("/{key}", GetRouteMap).WithName("GetRouteMap").WithSummary("The newest version of a route map with its points.");
        group.MapGet("/{key}/versions", ListRouteMapVersions).WithName("ListRouteMapVersions").WithSummary("Every version of a route map, newest first.");
        group.MapGet("/{key}/versions/{version:int}", GetRouteMapVersion).WithName("GetRouteMapVersion").WithSummary("One version of a route map with its points.");
        group.MapGet("/{key}/versions/{version:int}/bpmn", DownloadRouteMapVersion).WithName("DownloadRouteMapVersion")
            .WithSummary("One version as BPMN 2.0 XML.").Produces<string>(200, BpmnContentType);
        group.MapGet("/{key}/bpmn", DownloadRouteMap).WithName("DownloadRouteMap")
            .WithSummary("The newest version as BPMN 2.0 XML.").Produces<string>(200, BpmnContentType);
        group.MapPost("/", UploadRouteMaps).WithName("UploadRouteMaps").RequireAuthorization(Policies.Design)
            .WithSummary("Uploads a BPMN 2.0 file: every process becomes the draft of its key; returns each draft with its problems.")
            .AddOpenApiOperationTransformer(BpmnBody);
        group.MapPost("/validate", ValidateBpmn).WithName("ValidateBpmn").RequireAuthorization(Policies.Design)
            .WithSummary("Validates a BPMN 2.0 file without saving it: every problem of every process at once.")
            .AddOpenApiOperationTransformer(BpmnBody);
        group.MapPost("/{key}/validate", ValidateRouteMap).WithName("ValidateRouteMap").RequireAuthorization(Policies.Design)
            .WithSummary("Validates the newest version (usually the draft) of a route map.");
        group.MapPost("/{key}/publish", PublishRouteMap).WithName("PublishRouteMap").RequireAuthorization(Policies.Design)
            .WithSummary("Validates and freezes the draft; refused with 422 and the problem list when it has errors; warnings come back with the published version.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/handlers", ListHandlers).WithName("ListHandlers").WithTags("Route maps").RequireAuthorization(Policies.Design)
            .WithSummary("The handlers an automatic step may call (crm:handler), with what each does, reads and sets.");
        return api;
    }

    /// <summary>Registered handlers.</summary>
    public static Ok<IReadOnlyList<RegisteredHandler>> ListHandlers(ServiceTaskHandlerRegistry handlers) => TypedResults.Ok(handlers.Handlers);

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<RouteMapSummary>>> ListRouteMaps(IRouteMapService maps, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(paging.Apply((await maps.ListAsync(cancellationToken)).OrderBy(m => m.Key, StringComparer.Ordinal).Select(RouteMapSummary.From)));
    }

    /// <summary>Newest version.</summary>
    public static async Task<Ok<RouteMapDetails>> GetRouteMap(string key, IRouteMapService maps, CancellationToken cancellationToken) =>
        TypedResults.Ok(RouteMapDetails.From(await NewestAsync(maps, key, cancellationToken)));

    /// <summary>Versions.</summary>
    public static async Task<Ok<PagedList<RouteMapSummary>>> ListRouteMapVersions(string key, IRouteMapService maps, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var versions = await maps.GetVersionsAsync(key, cancellationToken);
        return versions.Count == 0 ? throw Unknown(key) : TypedResults.Ok(paging.Apply(versions.Select(RouteMapSummary.From)));
    }

    /// <summary>One version.</summary>
    public static async Task<Ok<RouteMapDetails>> GetRouteMapVersion(string key, int version, IRouteMapService maps, CancellationToken cancellationToken) =>
        TypedResults.Ok(RouteMapDetails.From(await VersionAsync(maps, key, version, cancellationToken)));

    /// <summary>One version as BPMN.</summary>
    public static async Task<ContentHttpResult> DownloadRouteMapVersion(string key, int version, IRouteMapService maps, CancellationToken cancellationToken) =>
        Bpmn(await VersionAsync(maps, key, version, cancellationToken));

    /// <summary>Newest version as BPMN.</summary>
    public static async Task<ContentHttpResult> DownloadRouteMap(string key, IRouteMapService maps, CancellationToken cancellationToken) =>
        Bpmn(await NewestAsync(maps, key, cancellationToken));

    /// <summary>Upload.</summary>
    public static async Task<Ok<IReadOnlyList<SavedDraft>>> UploadRouteMaps(HttpRequest request, IRouteMapService maps, CancellationToken cancellationToken)
    {
        var imported = await ReadBpmnAsync(request, cancellationToken);
        var saved = new List<SavedDraft>();
        foreach (var map in imported.Maps)
        {
            var draft = await maps.SaveDraftAsync(map, cancellationToken);
            saved.Add(new SavedDraft(RouteMapSummary.From(draft), await maps.ValidateAsync(draft, cancellationToken), LossReport(imported, map)));
        }

        return TypedResults.Ok<IReadOnlyList<SavedDraft>>(saved);
    }

    /// <summary>Validate a file.</summary>
    public static async Task<Ok<IReadOnlyList<RouteMapProblems>>> ValidateBpmn(HttpRequest request, IRouteMapService maps, CancellationToken cancellationToken)
    {
        var result = new List<RouteMapProblems>();
        var imported = await ReadBpmnAsync(request, cancellationToken);
        foreach (var map in imported.Maps)
        {
            var problems = await maps.ValidateAsync(map, cancellationToken);
            result.Add(new RouteMapProblems(map.Key, map.Name, problems.AllowPublishing(), problems, LossReport(imported, map)));
        }

        return TypedResults.Ok<IReadOnlyList<RouteMapProblems>>(result);
    }

    /// <summary>Validate the newest version.</summary>
    public static async Task<Ok<RouteMapProblems>> ValidateRouteMap(string key, IRouteMapService maps, CancellationToken cancellationToken)
    {
        var map = await NewestAsync(maps, key, cancellationToken);
        var problems = await maps.ValidateAsync(map, cancellationToken);
        return TypedResults.Ok(new RouteMapProblems(map.Key, map.Name, problems.AllowPublishing(), problems));
    }

    /// <summary>Publish.</summary>
    public static async Task<Ok<PublishedRouteMap>> PublishRouteMap(string key, IRouteMapService maps, CancellationToken cancellationToken)
    {
        var newest = await NewestAsync(maps, key, cancellationToken);
        if (newest.Status == RouteMapStatus.Published)
        {
            throw new ConflictException("routemap.no-draft", $"Route map '{key}' has no draft: version {newest.Version} is already published. Upload a new draft first.");
        }

        // The warnings of the draft as published: they do not stop it, but the caller should hear them (a role nobody holds).
        var warnings = (await maps.ValidateAsync(newest, cancellationToken)).Warnings();
        return TypedResults.Ok(PublishedRouteMap.From(await maps.PublishAsync(key, cancellationToken), warnings));
    }

    /// <summary>
    /// Documents the raw BPMN request body. Not <c>Accepts&lt;T&gt;</c>: that adds a content-type routing constraint, which answers
    /// 415 before authorization has had its say (an anonymous caller must get 401).
    /// </summary>
    private static Task BpmnBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A BPMN 2.0 XML file (one map per process; the process id is the map key).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [BpmnContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["text/xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static ContentHttpResult Bpmn(RouteMap map) =>
        TypedResults.Content(new BpmnExporter().Export(map), BpmnContentType, Encoding.UTF8);

    // What the file holds for this map that is kept but will not run, one counted sentence per kind.
    private static IReadOnlyList<string> LossReport(BpmnImportResult imported, RouteMap map) => [.. imported.LossReportOf(map.Key).Select(g => g.ToString())];

    private static async Task<BpmnImportResult> ReadBpmnAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The importer checks the size before parsing; a copy in memory keeps it from reading a network stream synchronously.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new InputException("input.invalid", "body", "The body must be a BPMN 2.0 XML file.");
        }

        buffer.Position = 0;
        var result = new BpmnImporter().Read(buffer);
        return result.Maps.Count == 0 ? throw new InputException("input.invalid", "body", "The BPMN file contains no process.") : result;
    }

    private static async Task<RouteMap> NewestAsync(IRouteMapService maps, string key, CancellationToken cancellationToken) =>
        (await maps.GetVersionsAsync(key, cancellationToken)).FirstOrDefault() ?? throw Unknown(key);

    private static async Task<RouteMap> VersionAsync(IRouteMapService maps, string key, int version, CancellationToken cancellationToken) =>
        await maps.GetAsync(key, version, cancellationToken)
        ?? throw new NotFoundException("routemap.not-found", $"Route map '{key}' has no version {version}.");

    private static NotFoundException Unknown(string key) => new("routemap.not-found", $"There is no route map '{key}'.");
}
