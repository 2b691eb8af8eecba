using System.Linq.Expressions;
using CrmBpm.EntityFrameworkCore.Entities;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>One disjoint branch of "mine or in my pools": its SQL filter and the counter that holds its active tasks.</summary>
internal sealed record TaskPoolBranch(OpenTaskCountKey Counter, Expression<Func<TaskEntity, bool>> Filter);
