using CrmBpm.Crm.Common;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Interactions;

/// <summary>Records interactions and lists them per subject (chain) or per period (calendar).</summary>
public sealed class InteractionService
{
    private readonly CrmCommands _commands;

    internal InteractionService(CrmCommands commands) => _commands = commands;

    /// <summary>Records an interaction; <paramref name="at"/> null means now.</summary>
    public Task<Interaction> RecordAsync(InteractionKind kind, string topic, string? content, Guid? partnerId, Guid? contactId, SubjectReference? subject, string authorId, DateTimeOffset? at = null, Guid? previousId = null, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(session =>
        {
            var interaction = new Interaction(kind, topic, content, partnerId, contactId, subject, previousId, authorId, at ?? _commands.Now);
            session.Interactions.Add(interaction);
            return Task.FromResult(interaction);
        }, cancellationToken);

    /// <summary>
    /// Corrects an interaction (kind, topic, content, date); each change goes into its change log, and an interaction saved
    /// by someone else since <paramref name="expectedVersion"/> is refused with <see cref="StaleRecordException"/>.
    /// </summary>
    public Task<Interaction> EditAsync(Guid interactionId, InteractionKind kind, string topic, string? content, DateTimeOffset at, string by, long? expectedVersion, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(async session =>
        {
            var interaction = await GetInteractionAsync(session, interactionId, cancellationToken).ConfigureAwait(false);
            interaction.EnsureVersion(expectedVersion);
            interaction.Edit(kind, topic, content, at, by, _commands.Now);
            return interaction;
        }, cancellationToken);

    /// <summary>An interaction; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Interaction> GetAsync(Guid interactionId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetInteractionAsync(session, interactionId, cancellationToken), cancellationToken);

    /// <summary>The chain of interactions about a subject, oldest first.</summary>
    public Task<IReadOnlyList<Interaction>> ChainAsync(SubjectReference subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _commands.ReadAsync<IReadOnlyList<Interaction>>(async session =>
            [.. (await session.Interactions.ListAsync(i => i.SubjectType == subject.Type && i.SubjectId == subject.Id, cancellationToken).ConfigureAwait(false)).OrderBy(i => i.At)], cancellationToken);
    }

    /// <summary>The calendar: interactions from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), optionally of one author.</summary>
    public Task<IReadOnlyList<Interaction>> CalendarAsync(DateTimeOffset from, DateTimeOffset to, string? authorId = null, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Interaction>>(async session =>
            [.. (await session.Interactions.ListAsync(i => i.At >= from && i.At < to && (authorId == null || i.AuthorId == authorId), cancellationToken).ConfigureAwait(false)).OrderBy(i => i.At)], cancellationToken);

    private static async Task<Interaction> GetInteractionAsync(Persistence.ICrmSession session, Guid interactionId, CancellationToken cancellationToken) =>
        await session.Interactions.FindAsync(interactionId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("interaction.not-found", $"Interaction {interactionId} does not exist.");
}
