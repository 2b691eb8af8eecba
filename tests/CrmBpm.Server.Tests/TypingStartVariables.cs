using System.Text.Json;
using CrmBpm.Server.RouteMaps;

namespace CrmBpm.Server.Tests;

/// <summary>The start form's variables: name=value lines, JSON values keep their type, every bad line is named.</summary>
public sealed class TypingStartVariables
{
    [Fact]
    public void Numbers_booleans_and_quoted_text_keep_their_type_and_anything_else_is_text()
    {
        var variables = StartVariables.Parse("amount = 5000\r\nvip=true\n\ncustomer=\"Acme\"\nnote=call after 5pm\nempty=");

        variables.Problems.ShouldBeEmpty();
        ((JsonElement)variables.Values["amount"]!).GetDecimal().ShouldBe(5000m);
        ((JsonElement)variables.Values["vip"]!).GetBoolean().ShouldBeTrue();
        ((JsonElement)variables.Values["customer"]!).GetString().ShouldBe("Acme");
        variables.Values["note"].ShouldBe("call after 5pm");
        variables.Values["empty"].ShouldBe("");
    }

    [Fact]
    public void Blank_text_is_no_variables()
    {
        var variables = StartVariables.Parse("  \n");

        variables.Values.ShouldBeEmpty();
        variables.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number_and_why()
    {
        var variables = StartVariables.Parse("amount=1\nno equals here\n2fast=1\namount=2");

        variables.Problems.ShouldBe([
            new StartVariables.BadLine(2, "no equals here", StartVariables.Reason.NoEquals),
            new StartVariables.BadLine(3, "2fast", StartVariables.Reason.BadName),
            new StartVariables.BadLine(4, "amount", StartVariables.Reason.Repeated),
        ]);
        ((JsonElement)variables.Values["amount"]!).GetInt32().ShouldBe(1);
    }
}
