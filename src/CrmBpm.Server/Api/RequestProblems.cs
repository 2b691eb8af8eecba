using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace CrmBpm.Server.Api;

/// <summary>
/// Problem details for requests that cannot be read: malformed JSON or a value of the wrong type names the field path in
/// <c>errors</c> (as every other input problem does), a query value that does not bind names its parameter, and a body
/// over the limit answers 413 rather than 400.
/// </summary>
internal static partial class RequestProblems
{
    /// <summary>The problem for a request the framework could not bind.</summary>
    public static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large", bad.Message, "request.too-large", null, null);
        }

        var (field, message) = bad.InnerException switch
        {
            JsonException json => (FieldOf(json.Path), $"{FieldOf(json.Path)} is not valid here: {json.Message}"),
            _ when BindFailure().Match(bad.Message) is { Success: true } match => (match.Groups["name"].Value, bad.Message),
            _ => ((string?)null, (string?)null),
        };
        return Problem(StatusCodes.Status400BadRequest, "The request could not be read", bad.Message, "request.malformed", field, message);
    }

    /// <summary>A JSON path (<c>$.plan[1].deadline</c>) as a field (<c>plan[1].deadline</c>); the body itself is <c>body</c>.</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static ProblemDetails Problem(int status, string title, string detail, string code, string? field, string? message)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message ?? detail] };
        }

        return problem;
    }

    [GeneratedRegex("""(?:parameter|Required parameter) "(?:[^"]* )?(?<name>\w+)" """, RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();
}
