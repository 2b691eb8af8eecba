using System.Globalization;
using System.Text;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>Multi-row INSERTs, in the order given, a bounded number of rows each so no statement exceeds a database's parameter limit.</summary>
internal static class SqlInserts
{
    /// <summary>SQLite allows 32 766 parameters per statement; the widest table has 33 columns.</summary>
    private const int MaxParameters = 2000;

    public static IEnumerable<SqlStatement> Build(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string prefix)
    {
        var rowsPerStatement = Math.Max(1, MaxParameters / columns.Count);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var statementParameters = new List<KeyValuePair<string, object?>>(chunk.Length * columns.Count);
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{row}_{column}");
                    sql.Append(column == 0 ? name : ", " + name);
                    statementParameters.Add(new(name, chunk[row][column]));
                }

                sql.Append(')');
            }

            var statement = new SqlStatement(sql.ToString());
            foreach (var (name, value) in statementParameters)
            {
                statement.With(name, value);
            }

            yield return statement;
        }
    }
}
