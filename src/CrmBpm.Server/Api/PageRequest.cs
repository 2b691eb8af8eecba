using CrmBpm.Engine.Errors;

namespace CrmBpm.Server.Api;

/// <summary>Pagination of every list: <c>page</c> (1-based, default 1) and <c>pageSize</c> (1..200, default 20).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>Largest page size accepted.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Page size when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Validates the query values; refuses a page below 1 or a page size outside 1..200 naming the parameter.</summary>
    public static PageRequest From(int? page, int? pageSize)
    {
        var problems = new List<InputProblem>();
        if (page is < 1)
        {
            problems.Add(new InputProblem("page", "page must be 1 or more."));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add(new InputProblem("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
        }

        return problems.Count > 0
            ? throw new InputException("input.invalid", problems)
            : new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>Cuts one page out of a complete, ordered list.</summary>
    public PagedList<T> Apply<T>(IEnumerable<T> all)
    {
        var list = all as IReadOnlyCollection<T> ?? [.. all];
        return new PagedList<T>([.. list.Skip((Page - 1) * PageSize).Take(PageSize)], Page, PageSize, list.Count);
    }
}

/// <summary>One page of a list, with the total number of items.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    /// <summary>Number of pages.</summary>
    public long PageCount => (Total + PageSize - 1) / PageSize;

    /// <summary>Maps the items.</summary>
    public PagedList<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}
