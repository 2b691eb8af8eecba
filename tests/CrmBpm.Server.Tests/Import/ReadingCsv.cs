using System.Text;
using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Tests.Import;

/// <summary>The CSV reader reads what Excel and RFC 4180 write, and refuses anything else naming the line.</summary>
public sealed class ReadingCsv
{
    [Fact]
    public void A_comma_separated_file_gives_its_header_and_records_with_their_lines()
    {
        var document = CsvReader.Read("userName,displayName\r\nanna,Anna\r\nboris,Boris\r\n", 10);
        document.Separator.ShouldBe(',');
        document.Header.Fields.ShouldBe(["userName", "displayName"]);
        document.Records.Select(r => r.Line).ShouldBe([2, 3]);
        document.Records[1].Fields.ShouldBe(["boris", "Boris"]);
    }

    [Fact]
    public void A_header_with_more_semicolons_than_commas_makes_the_semicolon_the_separator()
    {
        var document = CsvReader.Read("userName;displayName;department\nanna;Petrova, Anna;Sales", 10);
        document.Separator.ShouldBe(';');
        document.Records.Single().Fields.ShouldBe(["anna", "Petrova, Anna", "Sales"]);
    }

    [Fact]
    public void Quoted_fields_hold_separators_doubled_quotes_and_line_breaks_and_lines_are_counted_through_them()
    {
        var document = CsvReader.Read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nlast,\"\"\"\"", 10);
        document.Records[0].Fields.ShouldBe(["x, y", "say \"hi\""]);
        document.Records[1].Fields.ShouldBe(["two\r\nlines", ""]);
        document.Records[1].Line.ShouldBe(3);
        document.Records[2].Line.ShouldBe(5);
        document.Records[2].Fields.ShouldBe(["last", "\""]);
    }

    [Fact]
    public void Lines_may_end_in_crlf_lf_or_a_lone_cr()
    {
        var document = CsvReader.Read("a\rone\ntwo\r\nthree", 10);
        document.Records.Select(r => (r.Line, r.Fields[0])).ShouldBe([(2, "one"), (3, "two"), (4, "three")]);
    }

    [Fact]
    public void Blank_lines_and_lines_of_separators_only_are_skipped()
    {
        var document = CsvReader.Read("a;b\n\n;\nx;y\n;;\n", 10);
        document.Records.Single().Line.ShouldBe(4);
    }

    [Fact]
    public void Empty_fields_are_kept_in_place()
    {
        CsvReader.Read("a,b,c\n,,z\n", 10).Records.Single().Fields.ShouldBe(["", "", "z"]);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_utf8_letters_of_any_script_are_read()
    {
        var bytes = CsvWriter.ToUtf8WithBom("userName;displayName\nolga;Ольга Иванова\n");
        var document = CsvReader.Read(CsvReader.Decode(bytes), 10);
        document.Header.Fields[0].ShouldBe("userName");
        document.Records.Single().Fields[1].ShouldBe("Ольга Иванова");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_naming_their_line()
    {
        var bytes = Encoding.ASCII.GetBytes("a,b\nx,y\nz,").Concat(new byte[] { 0xC4, 0x20 }).ToArray(); // Windows-1251 "Д"
        var refused = Should.Throw<CsvFormatException>(() => CsvReader.Decode(bytes));
        refused.Line.ShouldBe(3);
        refused.Message.ShouldContain("UTF-8");
    }

    [Theory]
    [InlineData("a,b\nx,\"open\n", 2, "never closed")]
    [InlineData("a,b\nx,\"closed\"y\n", 2, "after the closing quote")]
    [InlineData("a,b\nx,\"ok\"\nbad\"quote,z\n", 3, "quote inside an unquoted field")]
    [InlineData("", 1, "empty")]
    [InlineData("\r\n\r\n", 1, "empty")]
    public void Malformed_text_is_refused_with_the_line_and_the_reason(string text, int line, string reason)
    {
        var refused = Should.Throw<CsvFormatException>(() => CsvReader.Read(text, 10));
        refused.Line.ShouldBe(line);
        refused.Message.ShouldStartWith($"line {line}: ");
        refused.Message.ShouldContain(reason);
    }

    [Fact]
    public void More_records_than_allowed_are_refused_at_the_first_one_too_many()
    {
        var text = "a\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}\n"));
        CsvReader.Read(text, 6).Records.Count.ShouldBe(6);
        var refused = Should.Throw<CsvFormatException>(() => CsvReader.Read(text + "7\n", 6));
        refused.Line.ShouldBe(8);
        refused.Message.ShouldContain("more than 6 rows");
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        string[][] rows = [["plain", "with,comma", "with;semicolon"], ["say \"hi\"", "two\r\nlines", ""], ["Ольга", " spaced ", "|a|b|"]];
        foreach (var separator in new[] { ',', ';' })
        {
            var text = new StringBuilder();
            CsvWriter.AppendLine(text, separator, ["h1", "h2", "h3"]);
            foreach (var row in rows)
            {
                CsvWriter.AppendLine(text, separator, row);
            }

            var document = CsvReader.Read(text.ToString(), 10);
            document.Separator.ShouldBe(separator);
            document.Records.Select(r => r.Fields.ToArray()).ShouldBe(rows);
        }
    }
}
