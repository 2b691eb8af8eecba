using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;

namespace CrmBpm.Crm.Persistence;

/// <summary>
/// A store in process memory for tests and demos. It behaves like a database: sessions work on deep copies,
/// commit is all-or-nothing and refuses stale versions, so a failed service call leaves nothing half-changed.
/// </summary>
public sealed class InMemoryCrmStore : ICrmStore
{
    private readonly Lock _commit = new();
    private readonly ConcurrentDictionary<(Type Type, Guid Id), AggregateRoot> _committed = new();

    /// <inheritdoc />
    public Task<ICrmSession> OpenSessionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICrmSession>(new Session(this, enlistIn: null));

    /// <inheritdoc />
    public Task<ICrmSession> OpenSessionInAsync(IWorkflowSession engineSession, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICrmSession>(new Session(this, engineSession));

    private T? Load<T>(Guid id)
        where T : AggregateRoot =>
        _committed.TryGetValue((typeof(T), id), out var stored) ? (T)DeepCopy.Of(stored) : null;

    private List<T> LoadAll<T>()
        where T : AggregateRoot =>
        [.. _committed.Where(p => p.Key.Type == typeof(T)).Select(p => (T)DeepCopy.Of(p.Value))];

    private void Commit(IEnumerable<(Type Type, AggregateRoot Aggregate, bool IsNew)> tracked)
    {
        lock (_commit)
        {
            // Unchanged aggregates are neither checked nor rewritten, like a change tracker would do.
            var changes = tracked.Where(t => t.IsNew || !_committed.TryGetValue((t.Type, t.Aggregate.Id), out var stored) || !DeepCopy.StateEquals(stored, t.Aggregate)).ToList();
            foreach (var (type, aggregate, isNew) in changes)
            {
                var exists = _committed.TryGetValue((type, aggregate.Id), out var stored);
                if (isNew && exists)
                {
                    throw new ConcurrencyException($"A {type.Name} with id {aggregate.Id} already exists.");
                }

                if (!isNew && (!exists || stored!.Version != aggregate.Version))
                {
                    throw new ConcurrencyException($"{type.Name} {aggregate.Id} was changed by someone else; reload it and try again.");
                }
            }

            foreach (var (type, aggregate, _) in changes)
            {
                aggregate.SetStoredVersion(aggregate.Version + 1);
                var copy = DeepCopy.Of(aggregate);
                ((AggregateRoot)copy).TakeDomainEvents();
                _committed[(type, aggregate.Id)] = (AggregateRoot)copy;
            }
        }
    }

    /// <summary>A unit of work; inside an engine command (<paramref name="enlistIn"/>) its commit runs in the engine's.</summary>
    private sealed class Session(InMemoryCrmStore owner, IWorkflowSession? enlistIn) : ICrmSession
    {
        private readonly InMemoryCrmStore _store = owner;

        private readonly List<(Type Type, AggregateRoot Aggregate, bool IsNew)> _tracked = [];
        private bool _committed;

        public IAggregateRepository<Partner> Partners => Repo<Partner>();

        public IAggregateRepository<Counterparty> Counterparties => Repo<Counterparty>();

        public IAggregateRepository<Contact> Contacts => Repo<Contact>();

        public IAggregateRepository<Lead> Leads => Repo<Lead>();

        public IAggregateRepository<Deal> Deals => Repo<Deal>();

        public IAggregateRepository<Instruction> Instructions => Repo<Instruction>();

        public IAggregateRepository<Claim> Claims => Repo<Claim>();

        public IAggregateRepository<Interaction> Interactions => Repo<Interaction>();

        public IAggregateRepository<CatalogueItem> CatalogueItems => Repo<CatalogueItem>();

        public IAggregateRepository<Calendar.BusinessCalendar> BusinessCalendars => Repo<Calendar.BusinessCalendar>();

        public IAggregateRepository<Notifications.Notification> Notifications => Repo<Notifications.Notification>();

        public Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_committed)
            {
                throw new InvalidOperationException("This unit of work was already committed; open a new session.");
            }

            if (enlistIn is null)
            {
                _store.Commit(_tracked);
            }
            else
            {
                var tracked = _tracked.ToList();
                enlistIn.Enlist(_ =>
                {
                    _store.Commit(tracked);
                    return Task.CompletedTask;
                });
            }

            _committed = true;
            IReadOnlyList<IDomainEvent> events = [.. _tracked.SelectMany(t => t.Aggregate.TakeDomainEvents())];
            return Task.FromResult(events);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Repository<T> Repo<T>()
            where T : AggregateRoot => new(this);

        private T Track<T>(T aggregate, bool isNew)
            where T : AggregateRoot
        {
            var known = _tracked.FirstOrDefault(t => t.Type == typeof(T) && t.Aggregate.Id == aggregate.Id);
            if (known.Aggregate is not null)
            {
                return (T)known.Aggregate;
            }

            _tracked.Add((typeof(T), aggregate, isNew));
            return aggregate;
        }

        private sealed class Repository<T>(Session session) : IAggregateRepository<T>
            where T : AggregateRoot
        {
            public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default)
            {
                var loaded = session._store.Load<T>(id);
                var tracked = session._tracked.FirstOrDefault(t => t.Type == typeof(T) && t.Aggregate.Id == id).Aggregate;
                return Task.FromResult(tracked as T ?? (loaded is null ? null : session.Track(loaded, isNew: false)));
            }

            public Task<IReadOnlyList<T>> ListAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default)
            {
                var predicate = where?.Compile() ?? (_ => true);
                var added = session._tracked.Where(t => t.Type == typeof(T) && t.IsNew).Select(t => (T)t.Aggregate);
                IReadOnlyList<T> result = [.. session._store.LoadAll<T>().Where(predicate).Select(a => session.Track(a, isNew: false)).Concat(added.Where(predicate)).DistinctBy(a => a.Id)];
                return Task.FromResult(result);
            }

            public void Add(T aggregate)
            {
                ArgumentNullException.ThrowIfNull(aggregate);
                session.Track(aggregate, isNew: true);
            }
        }
    }

    /// <summary>Copies an aggregate with its lists and mutable child entities, so sessions never share state.</summary>
    private static class DeepCopy
    {
        private static readonly MethodInfo CloneMethod =
            typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

        private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();

        public static object Of(object source)
        {
            var copy = CloneMethod.Invoke(source, null)!;
            foreach (var field in FieldsOf(source.GetType()))
            {
                var value = field.GetValue(source);
                if (value is null)
                {
                    continue;
                }

                var type = value.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
                {
                    var list = (System.Collections.IList)Activator.CreateInstance(type)!;
                    foreach (var item in (System.Collections.IList)value)
                    {
                        list.Add(IsMutableEntity(item) ? Of(item!) : item);
                    }

                    field.SetValue(copy, list);
                }
                else if (IsMutableEntity(value))
                {
                    field.SetValue(copy, Of(value));
                }
            }

            return copy;
        }

        public static bool StateEquals(object left, object right)
        {
            if (left.GetType() != right.GetType())
            {
                return false;
            }

            foreach (var field in FieldsOf(left.GetType()))
            {
                if (field.Name == "_domainEvents")
                {
                    continue;
                }

                var a = field.GetValue(left);
                var b = field.GetValue(right);
                if (a is null || b is null)
                {
                    if (!ReferenceEquals(a, b))
                    {
                        return false;
                    }

                    continue;
                }

                if (a is System.Collections.IList listA && b is System.Collections.IList listB)
                {
                    if (listA.Count != listB.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < listA.Count; i++)
                    {
                        if (!ValueEquals(listA[i], listB[i]))
                        {
                            return false;
                        }
                    }
                }
                else if (!ValueEquals(a, b))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ValueEquals(object? a, object? b) =>
            a is null || b is null ? ReferenceEquals(a, b) : IsMutableEntity(a) ? StateEquals(a, b) : a.Equals(b);

        // Child entities of this assembly are classes; records and strings are immutable and shared safely.
        private static bool IsMutableEntity(object? value) =>
            value is not null && value.GetType() is { IsClass: true } type && type.Assembly == typeof(AggregateRoot).Assembly &&
            type.GetMethod("<Clone>$") is null;

        private static FieldInfo[] FieldsOf(Type type) => Fields.GetOrAdd(type, t =>
        {
            var fields = new List<FieldInfo>();
            for (var current = t; current is not null && current != typeof(object); current = current.BaseType)
            {
                fields.AddRange(current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            return [.. fields];
        });
    }
}
