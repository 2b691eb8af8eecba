namespace CrmBpm.Benchmarks;

/// <summary>A one-line progress bar on the console for long seeding and loading steps.</summary>
internal static class Progress
{
    public static Action<int, int> Bar(string label) => (done, total) =>
    {
        const int width = 30;
        var filled = total == 0 ? width : (int)((long)done * width / total);
        Console.Write($"\r  {label} [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0}   ");
        if (done >= total)
        {
            Console.WriteLine();
        }
    };
}
