using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CrmBpm.Server.Api;

/// <summary>
/// Turns the engine's and the CRM's errors into problem details: the stable code in <c>code</c>, field problems in
/// <c>errors</c>, and what else the error knows (the route map's problems, the colliding records, the task to complete).
/// Status by type: input 400, forbidden 403, not found 404, conflict and concurrency 409, variables over a size limit and
/// a request body over the server's limit 413, an unpublishable route map 422.
/// </summary>
internal sealed class CrmBpmExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = ToProblem(exception);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The problem details for a known error; null for anything else (left to the default 500 handling).</summary>
    public static ProblemDetails? ToProblem(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge:
                return Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large", tooLarge.Message, "request.too-large");
            case BadHttpRequestException bad:
                return RequestProblems.FromBadRequest(bad);
            case CrmBpmException crm:
                var problem = Problem(StatusOf(crm), TitleOf(crm), crm.Message, crm.Code);
                AddDetails(problem, crm);
                return problem;
            default:
                return null;
        }
    }

    private static int StatusOf(CrmBpmException exception) => exception switch
    {
        InputException or BpmnImportException => StatusCodes.Status400BadRequest,
        VariableLimitException => StatusCodes.Status413PayloadTooLarge,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        RouteMapValidationException => StatusCodes.Status422UnprocessableEntity,
        ConflictException or ConcurrencyException or StaleRecordException or DuplicateRecordException or DealControlledByProcessException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(CrmBpmException exception) => exception switch
    {
        InputException => "The input has problems",
        BpmnImportException => "The BPMN file cannot be imported",
        VariableLimitException => "A variable is too large",
        ForbiddenException => "Not allowed",
        NotFoundException => "Not found",
        RouteMapValidationException => "The route map has problems",
        DuplicateRecordException => "A similar record exists",
        DealControlledByProcessException => "The deal is controlled by its process",
        ConcurrencyException or StaleRecordException => "Changed by someone else",
        _ => "The request conflicts with the current state",
    };

    private static void AddDetails(ProblemDetails problem, CrmBpmException exception)
    {
        switch (exception)
        {
            case InputException input:
                problem.Extensions["errors"] = input.Problems
                    .GroupBy(p => p.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
                break;
            case VariableLimitException variable:
                problem.Extensions["variable"] = variable.Variable;
                problem.Extensions["limit"] = variable.LimitName;
                problem.Extensions["maximum"] = variable.Limit;
                problem.Extensions["actual"] = variable.Actual;
                break;
            case BpmnImportException bpmn:
                problem.Extensions["problems"] = bpmn.Problems;
                break;
            case RouteMapValidationException invalid:
                problem.Extensions["mapKey"] = invalid.MapKey;
                problem.Extensions["problems"] = invalid.Problems;
                break;
            case StaleRecordException stale:
                problem.Extensions["recordType"] = stale.RecordType;
                problem.Extensions["recordId"] = stale.RecordId;
                problem.Extensions["yourVersion"] = stale.ExpectedVersion;
                problem.Extensions["currentVersion"] = stale.CurrentVersion;
                break;
            case DuplicateRecordException duplicate:
                problem.Extensions["matches"] = duplicate.Result.Matches;
                break;
            case DealControlledByProcessException controlled:
                problem.Extensions["dealId"] = controlled.DealId;
                problem.Extensions["currentStage"] = controlled.CurrentStage;
                problem.Extensions["currentStageName"] = controlled.CurrentStageName;
                problem.Extensions["tasks"] = controlled.Tasks;
                break;
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail, string code) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
