using CrmBpm.Server.Absences;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/absences: out of office with a substitute, who sees and acts on the absent person's tasks meanwhile.</summary>
public static class AbsencesEndpoints
{
    /// <summary>Maps the absence endpoints.</summary>
    public static RouteGroupBuilder MapAbsencesEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/absences").WithTags("Absences").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListAbsences).WithName("ListAbsences")
            .WithSummary("Absences I am in (absent or substitute) and, for a Head, my team's; not over yet unless includePast=true; by start, paginated.");
        group.MapPost("/", RecordAbsence).WithName("RecordAbsence")
            .WithSummary("Records an absence with a substitute (mine, or a team member's for a Head, anyone's for an Administrator).");
        group.MapPost("/{absenceId:guid}/end", EndAbsence).WithName("EndAbsence").WithSummary("Ends a running absence now.");
        group.MapDelete("/{absenceId:guid}", DeleteAbsence).WithName("DeleteAbsence").WithSummary("Deletes an absence.");
        return api;
    }

    /// <summary>The list.</summary>
    public static async Task<Ok<PagedList<AbsenceDto>>> ListAbsences(AbsenceBook absences, TimeProvider clock, bool? includePast, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var now = clock.GetUtcNow();
        var all = await absences.ListAsync(includePast ?? false, cancellationToken);
        return TypedResults.Ok(paging.Apply(all.Select(a => AbsenceDto.Of(a, now))));
    }

    /// <summary>Record.</summary>
    public static async Task<Created<AbsenceDto>> RecordAbsence(RecordAbsenceRequest request, AbsenceBook absences, UserDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.AbsentUserId, "absentUserId", 256).MaxLength(request.SubstituteUserId, "substituteUserId", 256)
            .That((request.PerformerRoles?.Count ?? 0) <= 50, "performerRoles", "performerRoles may name at most 50 roles.").ThrowIfAny();
        var absence = await absences.RecordAsync(new Absences.RecordAbsence(request.AbsentUserId, request.SubstituteUserId, request.From, request.To, request.PerformerRoles), cancellationToken);
        return TypedResults.Created($"/api/absences/{absence.Id}", AbsenceDto.Of(await ViewAsync(absence, directory, cancellationToken), clock.GetUtcNow()));
    }

    /// <summary>End early.</summary>
    public static async Task<Ok<AbsenceDto>> EndAbsence(Guid absenceId, AbsenceBook absences, UserDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var absence = await absences.EndAsync(absenceId, cancellationToken);
        return TypedResults.Ok(AbsenceDto.Of(await ViewAsync(absence, directory, cancellationToken), clock.GetUtcNow()));
    }

    /// <summary>Delete.</summary>
    public static async Task<NoContent> DeleteAbsence(Guid absenceId, AbsenceBook absences, CancellationToken cancellationToken)
    {
        await absences.DeleteAsync(absenceId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<AbsenceView> ViewAsync(Absence absence, UserDirectory directory, CancellationToken cancellationToken) => new(
        absence,
        (await directory.FindAsync(absence.AbsentUserId, cancellationToken))?.DisplayName ?? absence.AbsentUserId,
        (await directory.FindAsync(absence.SubstituteUserId, cancellationToken))?.DisplayName ?? absence.SubstituteUserId,
        MayChange: true);
}
