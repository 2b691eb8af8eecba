using System.Text;
using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Tests.Import;

/// <summary>
/// Seeded, repeatable fuzzing of the CSV reader: whatever bytes arrive, it answers a document or its own format error naming a
/// line of the input — never another exception.
/// </summary>
public sealed class CsvReaderFuzzing
{
    private const int Cases = 20_000;

    // The characters that matter to CSV, and a few that do not.
    private static readonly string[] Pieces = [",", ";", "\"", "\"\"", "\r", "\n", "\r\n", "a", "userName", "Ж", " ", "|", "@", "\t", "\0", "\uFEFF", "😀"];

    [Fact]
    public void Random_text_is_read_or_refused_with_a_line_number_inside_the_text()
    {
        var random = new Random(20240512);
        for (var i = 0; i < Cases; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            ReadOrRefuse(text.ToString(), $"case {i}");
        }
    }

    [Fact]
    public void Random_bytes_and_mutated_files_are_read_or_refused_with_a_line_number()
    {
        var random = new Random(777);
        var valid = Encoding.UTF8.GetBytes("userName;displayName;pools\r\nanna;\"Petrova; Anna\";Sales manager|Lawyer@North\r\n\"bo\"\"ris\";\"Two\nlines\";\r\n");
        for (var i = 0; i < Cases; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = [.. valid];
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            string text;
            try
            {
                text = CsvReader.Decode(bytes);
            }
            catch (CsvFormatException refused)
            {
                refused.Line.ShouldBeInRange(1, 1 + bytes.Count(b => b == (byte)'\n'), $"case {i}");
                continue;
            }

            ReadOrRefuse(text, $"case {i}");
        }
    }

    private static void ReadOrRefuse(string text, string because)
    {
        var lines = 1 + text.Count(c => c == '\n') + text.Count(c => c == '\r');
        try
        {
            var document = CsvReader.Read(text, 5);
            document.Header.Fields.ShouldNotBeEmpty(because);
            document.Records.Count.ShouldBeLessThanOrEqualTo(5, because);
            document.Records.ShouldAllBe(r => r.Line > document.Header.Line && r.Line <= lines, because);
        }
        catch (CsvFormatException refused)
        {
            refused.Line.ShouldBeInRange(1, lines, because);
            refused.Message.ShouldStartWith($"line {refused.Line}: ", customMessage: because);
        }
    }
}
