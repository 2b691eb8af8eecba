using System.Text;
using CrmBpm.Engine.Bpmn;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Refusing_unsafe_or_broken_xml
{
    private static BpmnImportException Refuse(string xml, BpmnImportOptions? options = null) =>
        Should.Throw<BpmnImportException>(() => new BpmnImporter(options).ImportXml(xml));

    [Fact]
    public void An_external_entity_is_refused_before_anything_is_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top secret");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&xxe;" /></definitions>
            """;

        var problem = Refuse(xml).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldContain("DTD");
        problem.Message.ShouldContain("refused");
        problem.Line.ShouldBe(2);
        File.Delete(secret);
    }

    [Fact]
    public void Entity_expansion_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol4;" /></definitions>
            """;

        Refuse(xml).Problems.ShouldHaveSingleItem().Message.ShouldContain("entity expansion");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_parsed()
    {
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><!--" + new string('x', 5000) + "--></definitions>";

        var problem = Refuse(xml, new BpmnImportOptions { MaxBytes = 1000 }).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldContain("larger than the limit of 1,000 bytes");
    }

    [Fact]
    public void The_default_limit_is_ten_megabytes()
    {
        new BpmnImportOptions().MaxBytes.ShouldBe(10 * 1024 * 1024);
        using var big = new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', (10 * 1024 * 1024) + 1)));
        Should.Throw<BpmnImportException>(() => new BpmnImporter().Import(big)).Message.ShouldContain("larger than the limit");
    }

    [Fact]
    public void Malformed_xml_is_reported_with_line_and_column()
    {
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n    <startEvent id=\"s\">\n  </process>\n</definitions>";

        var problem = Refuse(xml).Problems.ShouldHaveSingleItem();

        problem.Line.ShouldBe(4);
        problem.Column.ShouldBeGreaterThan(0);
        problem.Message.ShouldStartWith("The file is not well-formed XML");
        problem.ToString().ShouldStartWith("line 4, column ");
    }

    [Fact]
    public void A_file_that_is_not_bpmn_is_named_as_such()
    {
        Refuse("<html><body /></html>").Problems.ShouldHaveSingleItem().Message.ShouldContain("not a BPMN 2.0 file");
        Refuse("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" />").Problems.ShouldHaveSingleItem().Message.ShouldContain("no <bpmn:process>");
    }
}
