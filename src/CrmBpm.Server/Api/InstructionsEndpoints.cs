using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Instructions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/instructions: give (standalone or about a deal, claim, partner), execute, verify or return with a comment.</summary>
public static class InstructionsEndpoints
{
    /// <summary>Maps the instruction endpoints.</summary>
    public static RouteGroupBuilder MapInstructionsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instructions").WithTags("Instructions").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListInstructions).WithName("ListInstructions").WithSummary("Instructions given by me or to me (a Head: the team's), newest first.");
        group.MapGet("/{instructionId:guid}", GetInstruction).WithName("GetInstruction").WithSummary("An instruction.");
        group.MapPost("/", GiveInstruction).WithName("GiveInstruction").WithSummary("Gives an instruction; the performer gets an Execute task.");
        group.MapPost("/{instructionId:guid}/accept", AcceptInstruction).WithName("AcceptInstruction").WithSummary("The performer takes the instruction into work.");
        group.MapPost("/{instructionId:guid}/report", ReportInstruction).WithName("ReportInstruction").WithSummary("The performer reports it done; it goes to the author to verify.");
        group.MapPost("/{instructionId:guid}/verify", VerifyInstruction).WithName("VerifyInstruction").WithSummary("The author accepts the result; the instruction is completed.");
        group.MapPost("/{instructionId:guid}/return", ReturnInstruction).WithName("ReturnInstruction").WithSummary("The author returns it with a comment that reaches the performer's next task.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<InstructionDto>>> ListInstructions(
        ICrmStore store, WorkScope work, InstructionRole? role, InstructionStatus? status, string? subjectType, string? subjectId,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var visible = await VisibleInstructions.ListAsync(store, work, role, status, subjectType, subjectId, cancellationToken);
        return TypedResults.Ok(paging.Apply(visible.Select(InstructionDto.From)));
    }

    /// <summary>One.</summary>
    public static async Task<Ok<InstructionDto>> GetInstruction(Guid instructionId, InstructionService instructions, WorkScope work, CancellationToken cancellationToken) =>
        TypedResults.Ok(InstructionDto.From(await VisibleAsync(instructionId, instructions, work, cancellationToken)));

    /// <summary>Give.</summary>
    public static async Task<Created<InstructionDto>> GiveInstruction(GiveInstructionRequest request, InstructionService instructions, WorkScope work, UserDirectory directory, CancellationToken cancellationToken)
    {
        new Check().Required(request.Title, "title").Required(request.PerformerId, "performerId").MaxLength(request.Description, "description", 4000)
            .That((request.SubjectType is null) == (request.SubjectId is null), "subjectId", "subjectType and subjectId go together.").ThrowIfAny();
        new Check().That(await directory.FindAsync(request.PerformerId!, cancellationToken) is not null, "performerId", $"There is no user '{request.PerformerId}'.").ThrowIfAny();
        var instruction = await instructions.GiveAsync(new GiveInstruction
        {
            Title = request.Title!, Description = request.Description, AuthorId = work.User.Id, PerformerId = request.PerformerId!,
            Subject = request.SubjectType is null ? null : new SubjectReference(request.SubjectType, request.SubjectId!), DueAt = request.DueAt,
        }, cancellationToken);
        return TypedResults.Created($"/api/instructions/{instruction.Id}", InstructionDto.From(instruction));
    }

    /// <summary>Accept.</summary>
    public static async Task<Ok<InstructionDto>> AcceptInstruction(Guid instructionId, InstructionService instructions, WorkScope work, CancellationToken cancellationToken)
    {
        await VisibleAsync(instructionId, instructions, work, cancellationToken);
        return TypedResults.Ok(InstructionDto.From(await instructions.AcceptForExecutionAsync(instructionId, work.User.Actor, cancellationToken)));
    }

    /// <summary>Report.</summary>
    public static async Task<Ok<InstructionDto>> ReportInstruction(Guid instructionId, ReportInstructionRequest? request, InstructionService instructions, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request?.Report, "report", 4000).ThrowIfAny();
        await VisibleAsync(instructionId, instructions, work, cancellationToken);
        return TypedResults.Ok(InstructionDto.From(await instructions.ReportExecutedAsync(instructionId, work.User.Actor, request?.Report, cancellationToken)));
    }

    /// <summary>Verify.</summary>
    public static async Task<Ok<InstructionDto>> VerifyInstruction(Guid instructionId, InstructionService instructions, WorkScope work, CancellationToken cancellationToken)
    {
        await VisibleAsync(instructionId, instructions, work, cancellationToken);
        return TypedResults.Ok(InstructionDto.From(await instructions.AcceptResultAsync(instructionId, work.User.Actor, cancellationToken)));
    }

    /// <summary>Return.</summary>
    public static async Task<Ok<InstructionDto>> ReturnInstruction(Guid instructionId, ReturnInstructionRequest request, InstructionService instructions, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.Comment, "comment", 4000).ThrowIfAny();
        await VisibleAsync(instructionId, instructions, work, cancellationToken);
        return TypedResults.Ok(InstructionDto.From(await instructions.ReturnAsync(instructionId, work.User.Actor, request.Comment!, cancellationToken)));
    }

    private static Task<Instruction> VisibleAsync(Guid instructionId, InstructionService instructions, WorkScope work, CancellationToken cancellationToken) =>
        VisibleInstructions.GetAsync(instructionId, instructions, work, cancellationToken);
}
