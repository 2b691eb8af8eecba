using Acornima;
using Acornima.Ast;
using CrmBpm.Engine.Expressions.Feel;
using CrmBpm.Engine.Expressions.Juel;
using JsEngine = Jint.Engine;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// The instance variables an expression reads, found by its own language's parser (never by running it): for
/// <c>deal.amount &gt; limit &amp;&amp; name.startsWith("A")</c> they are <c>deal</c>, <c>limit</c> and <c>name</c> — the
/// first name of each member chain, not words inside strings, not the expression's own locals, parameters or function
/// names, not JavaScript's built-ins (<c>Math</c>, <c>JSON</c>, <c>undefined</c>…). A name read only to test whether it is
/// set (<c>typeof x</c>, FEEL's <c>is defined(x)</c>) is not counted.
/// </summary>
public static class ExpressionVariables
{
    private static readonly Lazy<HashSet<string>> JavaScriptGlobals = new(() =>
    {
        using var engine = new JsEngine();
        return [.. engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()), "undefined", "NaN", "Infinity", "globalThis", "arguments"];
    });

    /// <summary>The variables <paramref name="expression"/> reads, in the order first read; null when it does not parse.</summary>
    public static IReadOnlyList<string>? Read(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return [];
        }

        try
        {
            return JuelExpressionEvaluator.IsJuel(expression) ? ReadJuel(expression)
                : FeelExpressionEvaluator.IsFeel(expression) ? ReadFeel(expression.Trim())
                : ReadJavaScript(JintExpressionEvaluator.Normalize(expression));
        }
        catch (Exception ex) when (ex is ParseErrorException or JuelSyntaxException or FeelSyntaxException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    private static List<string> ReadJavaScript(string code)
    {
        var program = new Parser().ParseScript(code, strict: true);
        var reads = new FreeNames();
        reads.Visit(program);
        return [.. reads.Read.Where(n => !reads.Declared.Contains(n) && !JavaScriptGlobals.Value.Contains(n))];
    }

    private static List<string> ReadJuel(string text)
    {
        var names = new List<string>();
        foreach (var node in JuelParser.Parse(text).Parts.OfType<JuelNode>())
        {
            Juel(node, names);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static void Juel(JuelNode node, List<string> names)
    {
        switch (node)
        {
            case JuelIdentifier identifier:
                names.Add(identifier.Name);
                break;
            case JuelVariableRead { Name: JuelLiteral { Value: string name } }:
                names.Add(name);
                break;
            case JuelVariableRead read:
                Juel(read.Name, names);
                break;
            case JuelProperty property:
                Juel(property.Base, names);
                Juel(property.Key, names);
                break;
            case JuelMethodCall call:
                Juel(call.Base, names);
                call.Arguments.ToList().ForEach(a => Juel(a, names));
                break;
            case JuelUnary unary:
                Juel(unary.Operand, names);
                break;
            case JuelBinary binary:
                Juel(binary.Left, names);
                Juel(binary.Right, names);
                break;
            case JuelChoice choice:
                Juel(choice.Condition, names);
                Juel(choice.WhenTrue, names);
                Juel(choice.WhenFalse, names);
                break;
        }
    }

    private static List<string> ReadFeel(string text)
    {
        var names = new List<string>();
        Feel(FeelParser.Parse(text), names);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static void Feel(FeelNode node, List<string> names)
    {
        switch (node)
        {
            case FeelName name:
                names.Add(name.Name);
                break;
            case FeelPath path:
                Feel(path.Base, names);
                break;
            case FeelList list:
                list.Items.ToList().ForEach(i => Feel(i, names));
                break;
            case FeelCall { Name: "is defined" }:
                break;
            case FeelCall call:
                call.Arguments.ToList().ForEach(a => Feel(a, names));
                break;
            case FeelNegation negation:
                Feel(negation.Operand, names);
                break;
            case FeelBinary binary:
                Feel(binary.Left, names);
                Feel(binary.Right, names);
                break;
            case FeelBetween between:
                Feel(between.Value, names);
                Feel(between.Low, names);
                Feel(between.High, names);
                break;
            case FeelIn test:
                Feel(test.Value, names);
                foreach (var each in test.Tests)
                {
                    FeelTest(each, names);
                }

                break;
            case FeelIf choice:
                Feel(choice.Condition, names);
                Feel(choice.WhenTrue, names);
                Feel(choice.WhenFalse, names);
                break;
        }
    }

    private static void FeelTest(FeelTest test, List<string> names)
    {
        switch (test)
        {
            case FeelEqualsTest equals:
                Feel(equals.Expected, names);
                break;
            case FeelComparisonTest comparison:
                Feel(comparison.Operand, names);
                break;
            case FeelRangeTest range:
                Feel(range.Low, names);
                Feel(range.High, names);
                break;
        }
    }

    /// <summary>Identifiers in reading position, and the names the script declares itself (scopes are not told apart: a local hides a variable everywhere).</summary>
    private sealed class FreeNames : AstVisitor
    {
        public List<string> Read { get; } = [];

        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

        protected override object? VisitIdentifier(Identifier node)
        {
            if (!Read.Contains(node.Name))
            {
                Read.Add(node.Name);
            }

            return node;
        }

        protected override object? VisitMemberExpression(MemberExpression node)
        {
            Visit(node.Object);
            if (node.Computed)
            {
                Visit(node.Property);
            }

            return node;
        }

        protected override object? VisitObjectProperty(ObjectProperty node)
        {
            if (node.Computed)
            {
                Visit(node.Key);
            }

            Visit(node.Value);
            return node;
        }

        protected override object? VisitMethodDefinition(MethodDefinition node)
        {
            if (node.Computed)
            {
                Visit(node.Key);
            }

            Visit(node.Value);
            return node;
        }

        protected override object? VisitPropertyDefinition(PropertyDefinition node)
        {
            if (node.Computed)
            {
                Visit(node.Key);
            }

            if (node.Value is not null)
            {
                Visit(node.Value);
            }

            return node;
        }

        protected override object? VisitUnaryExpression(UnaryExpression node) =>
            node is { Operator: Operator.TypeOf, Argument: Identifier } ? node : base.VisitUnaryExpression(node);

        protected override object? VisitLabeledStatement(LabeledStatement node)
        {
            Visit(node.Body);
            return node;
        }

        protected override object? VisitBreakStatement(BreakStatement node) => node;

        protected override object? VisitContinueStatement(ContinueStatement node) => node;

        protected override object? VisitMetaProperty(MetaProperty node) => node;

        protected override object? VisitVariableDeclarator(VariableDeclarator node)
        {
            Bind(node.Id);
            return base.VisitVariableDeclarator(node);
        }

        protected override object? VisitFunctionDeclaration(FunctionDeclaration node)
        {
            BindFunction(node.Id, node.Params);
            return base.VisitFunctionDeclaration(node);
        }

        protected override object? VisitFunctionExpression(FunctionExpression node)
        {
            BindFunction(node.Id, node.Params);
            return base.VisitFunctionExpression(node);
        }

        protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node)
        {
            BindFunction(null, node.Params);
            return base.VisitArrowFunctionExpression(node);
        }

        protected override object? VisitCatchClause(CatchClause node)
        {
            if (node.Param is not null)
            {
                Bind(node.Param);
            }

            return base.VisitCatchClause(node);
        }

        protected override object? VisitClassDeclaration(ClassDeclaration node)
        {
            if (node.Id is not null)
            {
                Bind(node.Id);
            }

            return base.VisitClassDeclaration(node);
        }

        private void BindFunction(Identifier? id, NodeList<Node> parameters)
        {
            if (id is not null)
            {
                Bind(id);
            }

            foreach (var parameter in parameters)
            {
                Bind(parameter);
            }
        }

        /// <summary>The names a binding pattern declares (<c>x</c>, <c>{ a, b: [c] }</c>, <c>d = 1</c>, <c>...rest</c>).</summary>
        private void Bind(Node? pattern)
        {
            switch (pattern)
            {
                case Identifier identifier:
                    Declared.Add(identifier.Name);
                    break;
                case ArrayPattern array:
                    foreach (var element in array.Elements)
                    {
                        Bind(element);
                    }

                    break;
                case ObjectPattern obj:
                    foreach (var property in obj.Properties)
                    {
                        Bind(property is AssignmentProperty assignment ? assignment.Value : property);
                    }

                    break;
                case AssignmentPattern assignment:
                    Bind(assignment.Left);
                    break;
                case RestElement rest:
                    Bind(rest.Argument);
                    break;
            }
        }
    }
}
