using CrmBpm.Engine.Errors;
using CrmBpm.Server.Administration;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CrmBpm.Server.Api;

/// <summary>/api/admin/users/import: users and memberships from a CSV file, previewed first. Administrators only.</summary>
public static class UserImportEndpoints
{
    // Room for the multipart boundaries and part headers around a file of the largest size.
    private const int MultipartOverhead = 64 * 1024;

    /// <summary>Maps the import endpoints.</summary>
    public static RouteGroupBuilder MapUserImportEndpoints(this RouteGroupBuilder api)
    {
        var import = api.MapGroup("/admin/users/import").RequireAuthorization(Policies.Administer).WithTags("User administration");
        import.MapPost("/preview", PreviewUserImport).WithName("PreviewUserImport")
            .WithSummary("Checks a CSV file of users without saving anything: every row with what importing it would do and every problem; answers the token to import exactly this file.")
            .AddOpenApiOperationTransformer(CsvBody);
        import.MapPost("/", ImportUsers).WithName("ImportUsers")
            .WithSummary("Imports the previewed CSV file (token from the preview): valid rows create or update users, each on its own; answers each row's outcome and the new users' one-time passwords, once.")
            .AddOpenApiOperationTransformer(CsvBody);
        return api;
    }

    /// <summary>Preview.</summary>
    public static async Task<Ok<UserImportPreviewDto>> PreviewUserImport(HttpRequest request, UserImport import, CancellationToken cancellationToken)
    {
        var (file, _) = await ReadAsync(request, cancellationToken);
        return TypedResults.Ok(UserImportPreviewDto.From(await import.PreviewAsync(file, cancellationToken)));
    }

    /// <summary>Import.</summary>
    public static async Task<Ok<UserImportReportDto>> ImportUsers(HttpRequest request, string? token, UserImport import, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(token, "token", 4096).ThrowIfAny();
        var (file, formToken) = await ReadAsync(request, cancellationToken);
        var report = await import.ImportAsync(work.User.Id, file, token ?? formToken, cancellationToken: cancellationToken);
        return TypedResults.Ok(UserImportReportDto.From(report));
    }

    /// <summary>The file from a multipart form (field <c>file</c>, optionally <c>token</c>) or the whole body (text/csv), never more than the limit.</summary>
    private static async Task<(byte[] File, string? Token)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = UserImportFile.MaxBytes + (request.HasFormContentType ? MultipartOverhead : 0);
        if (request.ContentLength > limit)
        {
            throw TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!request.HasFormContentType)
        {
            return (await ReadBoundedAsync(request.Body, cancellationToken), null);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null)
            ?? throw new InputException("input.invalid", "file", "The form must carry the CSV file in the field 'file'.");
        if (file.Length > UserImportFile.MaxBytes)
        {
            throw TooLarge();
        }

        await using var stream = file.OpenReadStream();
        return (await ReadBoundedAsync(stream, cancellationToken), form["token"].FirstOrDefault());
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > UserImportFile.MaxBytes)
            {
                throw TooLarge();
            }
        }

        return buffer.Length == 0
            ? throw new InputException("input.invalid", "file", "The body must be a CSV file (text/csv) or a form with the file in the field 'file'.")
            : buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge() => new(
        $"The file is larger than {UserImportFile.MaxBytes:N0} bytes (2 MB); at most 2 MB and {UserImportFile.MaxRows:N0} rows are imported at once. Split it into several files.",
        StatusCodes.Status413PayloadTooLarge);

    private static Task CsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Documented here, not with Accepts<T>: its content-type constraint would answer 415 before authorization answers 401.
        var text = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 CSV; the first line names the columns (see the server README)." };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A CSV file of users: columns userName (required), displayName, email, phone, language, timeZone, roles, department, pools; at most 2 MB and 5,000 rows.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = text },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            ["token"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The preview's token (import only; or the query parameter token)." },
                        },
                        Required = new HashSet<string> { "file" },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
