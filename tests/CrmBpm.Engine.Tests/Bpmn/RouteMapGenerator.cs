using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Generates route maps from a <see cref="Random"/>, block-structured so that most of them publish: sequences, conditions,
/// choices with and without defaults, Actions and Nested processes leaving by conditional flows, split/merge pairs, loops back through a condition, nested processes, multi-instance
/// actions, outcomes, form fields — with names and values of odd and non-ASCII characters and ids of odd but valid ones.
/// <see cref="Mutate"/> then breaks or bends a map in one place, so that maps near the edge of validity are tried too.
/// </summary>
internal sealed class RouteMapGenerator(Random random)
{
    private static readonly string[] OddTexts =
    [
        "Offer", "Ünïcødé 名前 🙂", "<tag> & \"quotes\" 'apos'", "tab\there", "line\nbreak", "crlf\r\nend", "a  b", "Ω≈ç√∫", "${notAnExpression}",
        "]]>", "&amp; not an entity", "שלום עולם", "\u00A0nbsp", "zero\u200Bwidth", "Yes", "No", "{dealTitle} for {planItem}",
    ];

    private static readonly string[] Expressions =
    [
        "amount > 1000", "status === 'ok' && count < 3", "customer['ü'] == \"<&>\"", "!approved", "items.length >= 2 || urgent === true",
        "`${a}-${b}` === 'x-y'", "(a ?? 0) > 1", "name.startsWith('Ω')", "typeof x === 'undefined'",
    ];

    private static readonly string[] IdCharacters = ["a", "Z", "_", "-", ".", "ü", "名", "Ω", "0", "9", "x"];
    private static readonly string[] Identifiers = ["amount", "verdict", "items", "ü_var", "_x", "planItem", "result2", "名前"];

    private readonly List<Point> _points = [];
    private readonly List<Flow> _flows = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _calledKeys = new(StringComparer.Ordinal);
    private string _key = "";

    /// <summary>Keys of the maps the generated maps nest; the test publishes a trivial map under each.</summary>
    public IReadOnlyCollection<string> CalledKeys => _calledKeys;

    public RouteMap Generate()
    {
        _points.Clear();
        _flows.Clear();
        _ids.Clear();
        _key = NewId("map");
        var start = Add(new StartPoint { Id = NewId("start"), Name = Text() });
        var (first, last) = Block(depth: 0);
        Connect(start, first);
        var end = Add(new EndPoint { Id = NewId("end"), Name = Text(), Result = Maybe(() => Pick(["Won", "Lost", "Ünïcødé"])) });
        Connect(last, end);
        return new RouteMap { Key = _key, Name = Text(), StartVariables = StartVariables(), Points = [.. _points], Flows = [.. _flows] };
    }

    /// <summary>The variables the generated conditions read, declared with random types, labels and required flags.</summary>
    private List<StartVariable> StartVariables() =>
    [
        .. new[] { "amount", "status", "count", "customer", "approved", "items", "urgent", "x", "done", "verdict", "a", "b", "c", "order" }
            .Select(name => new StartVariable
            {
                Name = name,
                Type = Pick([FormFieldType.Text, FormFieldType.Number, FormFieldType.Boolean, FormFieldType.Date]),
                Label = Maybe(Text) ?? "",
                Required = random.Next(2) == 0,
            }),
    ];

    /// <summary>A copy of <paramref name="map"/> changed in one place; the description says where.</summary>
    public (RouteMap Map, string Change) Mutate(RouteMap map)
    {
        var points = map.Points.ToList();
        var flows = map.Flows.ToList();
        var p = random.Next(points.Count);
        var f = random.Next(flows.Count);
        string change;
        switch (random.Next(12))
        {
            case 0:
                change = $"drop flow {flows[f].Id}";
                flows.RemoveAt(f);
                break;
            case 1:
                change = $"point flow {flows[f].Id} at {points[p].Id}";
                flows[f] = flows[f] with { TargetId = points[p].Id };
                break;
            case 2:
                change = $"reverse the order of the flows";
                flows.Reverse();
                break;
            case 3:
                change = $"give flow {flows[f].Id} the condition 'x > 1'";
                flows[f] = flows[f] with { Condition = "x > 1" };
                break;
            case 4:
                change = $"give flow {flows[f].Id} the id of point {points[p].Id}";
                flows[f] = flows[f] with { Id = points[p].Id };
                break;
            case 5:
                change = $"name point {points[p].Id} {Text()}";
                points[p] = points[p] with { Name = " " + Text() + "  " };
                break;
            case 6:
                change = $"make {points[p].Id} a Merge";
                points[p] = new MergePoint { Id = points[p].Id, Name = points[p].Name };
                break;
            case 7:
                change = $"make {points[p].Id} a Split";
                points[p] = new SplitPoint { Id = points[p].Id, Name = points[p].Name };
                break;
            case 8:
                change = $"make {points[p].Id} an Action for a user of blanks and odd characters";
                points[p] = new ActionPoint { Id = points[p].Id, Name = points[p].Name, Performer = Performer.User(Pick([" alice ", "bob\t", "名前", "a&b<c>"])) };
                break;
            case 9:
                change = $"flip the branch of flow {flows[f].Id}";
                flows[f] = flows[f] with { Branch = flows[f].Branch == ConditionBranch.Yes ? ConditionBranch.No : ConditionBranch.Yes };
                break;
            case 10:
                var empty = points.FindIndex(x => x is ActionPoint);
                change = empty < 0 ? "nothing" : $"give Action {points[empty].Id} values with surrounding blanks";
                if (empty >= 0)
                {
                    var action = (ActionPoint)points[empty];
                    points[empty] = action with
                    {
                        TitleTemplate = " " + action.TitleTemplate + " ",
                        Stage = Pick<string?>(["", " Offer ", null]),
                        Outcomes = [.. action.Outcomes.Select(o => " " + o)],
                        OutcomeVariable = Pick<string?>(["", null, " verdict"]),
                    };
                }

                break;
            default:
                var choice = points.FindIndex(x => x is ChoicePoint);
                change = choice < 0 ? "nothing" : $"make the default of Choice {points[choice].Id} flow {flows[f].Id}";
                if (choice >= 0)
                {
                    points[choice] = ((ChoicePoint)points[choice]) with { DefaultFlowId = flows[f].Id };
                }

                break;
        }

        return (map with { Points = points, Flows = flows }, change);
    }

    /// <summary>A single-entry, single-exit piece of map: its first point and its last (whose outgoing flow is not yet drawn).</summary>
    private (Point First, Point Last) Block(int depth)
    {
        var kind = depth >= 3 ? random.Next(3) : random.Next(10);
        switch (kind)
        {
            case 0:
                var action = Add(Action());
                return (action, action);
            case 1:
                // An Action guarded by a boundary timer with its own way to an End, maybe followed by a wait for time.
                var guarded = Add(Action());
                var interrupting = random.Next(2) == 0;
                var boundary = Add(new BoundaryTimerPoint
                {
                    Id = NewId("timer"),
                    Name = Text(),
                    AttachedToId = guarded.Id,
                    CancelsActivity = interrupting,
                    Timer = Pick([TimerDefinition.After("PT4H"), TimerDefinition.After("${waitFor}"), interrupting ? TimerDefinition.At("2026-12-24T09:00:00Z") : TimerDefinition.Every("R3/PT1H")]),
                });
                Connect(boundary, Add(new EndPoint { Id = NewId("late"), Name = Text() }));
                if (random.Next(2) == 0)
                {
                    return (guarded, guarded);
                }

                var wait = Add(new TimerWaitPoint { Id = NewId("wait"), Name = Text(), Timer = Pick([TimerDefinition.After("P1D"), new TimerDefinition { Kind = TimerDefinitionKind.Date, Value = "callBackAt", IsJavaScript = true }]) });
                Connect(guarded, wait);
                return (guarded, wait);
            case 2:
                var nested = Add(Nested());
                return (nested, nested);
            case 3:
            case 4:
                var (first, last) = Block(depth + 1);
                var (next, end) = Block(depth + 1);
                Connect(last, next);
                return (first, end);
            case 5:
                var condition = Add(new ConditionPoint { Id = NewId("cond"), Name = Text(), Expression = Pick(Expressions) });
                var (yesFirst, yesLast) = Block(depth + 1);
                var (noFirst, noLast) = Block(depth + 1);
                Connect(condition, yesFirst, ConditionBranch.Yes);
                Connect(condition, noFirst, ConditionBranch.No);
                var join = Add(Action());
                Connect(yesLast, join);
                Connect(noLast, join);
                return (condition, join);
            case 6:
                var choice = new ChoicePoint { Id = NewId("choice"), Name = Text() };
                Add(choice);
                var after = Add(Action());
                var cases = 2 + random.Next(3);
                var withDefault = random.Next(2) == 0;
                string? defaultFlow = null;
                for (var i = 0; i < cases; i++)
                {
                    var (caseFirst, caseLast) = Block(depth + 1);
                    var isDefault = withDefault && i == cases - 1;
                    var flow = Connect(choice, caseFirst, condition: isDefault ? null : Pick(Expressions));
                    defaultFlow = isDefault ? flow.Id : defaultFlow;
                    Connect(caseLast, after);
                }

                var index = _points.IndexOf(choice);
                _points[index] = choice with { DefaultFlowId = defaultFlow };
                return (_points[index], after);
            case 7:
                var split = Add(new SplitPoint { Id = NewId("split"), Name = Text() });
                var merge = Add(new MergePoint { Id = NewId("merge"), Name = Text() });
                var branches = 2 + random.Next(2);
                for (var i = 0; i < branches; i++)
                {
                    var (branchFirst, branchLast) = Block(depth + 1);
                    Connect(split, branchFirst);
                    Connect(branchLast, merge);
                }

                var afterMerge = Add(Action());
                Connect(merge, afterMerge);
                return (split, afterMerge);
            case 8:
                // An Action or Nested process leaving by its flows' conditions (BPMN's implicit split), maybe with a default.
                var source = Add(random.Next(3) == 0 ? Nested() : (Point)Action());
                var joined = Add(Action());
                var ways = 2 + random.Next(2);
                var hasDefault = random.Next(2) == 0;
                string? fallback = null;
                for (var i = 0; i < ways; i++)
                {
                    var (wayFirst, wayLast) = Block(depth + 1);
                    var isDefault = hasDefault && i == 0;
                    var flow = Connect(source, wayFirst, condition: isDefault ? null : Pick(Expressions));
                    fallback = isDefault ? flow.Id : fallback;
                    Connect(wayLast, joined);
                }

                var at = _points.IndexOf(source);
                _points[at] = source switch
                {
                    ActionPoint a => a with { DefaultFlowId = fallback },
                    NestedProcessPoint n => n with { DefaultFlowId = fallback },
                    _ => source,
                };
                return (_points[at], joined);
            default:
                // A loop: work, then ask whether it is done; No goes back to the work.
                var work = Add(Action());
                var done = Add(new ConditionPoint { Id = NewId("done"), Name = Text(), Expression = "done === true" });
                var exit = Add(Action());
                Connect(work, done);
                Connect(done, exit, ConditionBranch.Yes);
                Connect(done, work, ConditionBranch.No);
                return (work, exit);
        }
    }

    private ActionPoint Action()
    {
        var deadline = random.Next(3) switch
        {
            0 => null,
            1 => Deadline.After(TimeSpan.FromHours(1 + random.Next(200))),
            _ => Deadline.FromExpression(Pick(["dueDate", "'P2D'", "addDays(now, 3)"])),
        };
        var outcomes = random.Next(3) == 0 ? [] : Enumerable.Range(0, 1 + random.Next(3)).Select(i => Pick(OddTexts).Replace("\n", "", StringComparison.Ordinal) + i).Distinct().ToList();
        var id = NewId("act");
        if (deadline is not null && random.Next(2) == 0)
        {
            deadline = deadline with { InWorkingTime = true };
        }

        // A ladder drawn as boundary timers on the task must come back as the same ladder.
        IReadOnlyList<EscalationStep> escalation = deadline is null || random.Next(3) != 0 || !_ids.Add(id + "_remind") || !_ids.Add(id + "_notify") ? [] :
        [
            new EscalationStep { Id = id + "_remind", Name = random.Next(2) == 0 ? "" : Text(), Kind = EscalationStepKind.RemindPerformer, Duration = "PT4H" },
            new EscalationStep { Id = id + "_notify", Kind = EscalationStepKind.NotifyHead, Duration = "P1D" },
        ];
        return new ActionPoint
        {
            Id = id,
            Escalation = escalation,
            Name = Text(),
            TitleTemplate = random.Next(2) == 0 ? "" : Text(),
            Description = random.Next(2) == 0 ? "" : Text() + "\n" + Text(),
            Performer = random.Next(4) switch
            {
                0 => Performer.User(Pick(["alice", "bob", "名前", "user@example.com"])),
                1 => Performer.ForRole(Pick(["Sales manager", "Ünïcødé role", "a&b"])),
                2 => Performer.ForRole("Sales manager", Pick(["North", "Süd", "<x>"])),
                _ => Performer.FromExpression(Pick(["author", "manager ?? 'alice'"])),
            },
            Deadline = deadline,
            ReminderBefore = deadline is not null && random.Next(2) == 0 ? TimeSpan.FromMinutes(1 + random.Next(600)) : null,
            RequiresAcceptance = random.Next(2) == 0,
            Outcomes = outcomes,
            OutcomeVariable = Maybe(() => Pick(Identifiers)),
            FormFields = [.. Enumerable.Range(0, random.Next(4)).Select(i => Field(i))],
            Stage = Maybe(() => Pick(["Offer", "Contract", "Stage 名"])),
            MultiInstance = random.Next(4) == 0 ? Loop() : null,
        };
    }

    private FormField Field(int index)
    {
        var type = (FormFieldType)random.Next(5);
        return new FormField
        {
            Name = Pick(Identifiers) + index,
            Label = random.Next(2) == 0 ? "" : Text(),
            Type = type,
            Required = random.Next(2) == 0,
            Options = type == FormFieldType.Choice ? [.. Enumerable.Range(0, 1 + random.Next(3)).Select(i => Pick(["EUR", "USD", "€", "a b"]) + i)] : [],
        };
    }

    private NestedProcessPoint Nested()
    {
        var called = "called-" + Pick(["a", "ü", "b.c"]);
        _calledKeys.Add(called);
        return new NestedProcessPoint
        {
            Id = NewId("nest"),
            Name = Text(),
            CalledMapKey = called,
            Inputs = [.. Enumerable.Range(0, random.Next(3)).Select(i => new VariableMapping(Pick(["companyName", "amount * 2", "a['ü']"]), Pick(Identifiers) + i))],
            Outputs = [.. Enumerable.Range(0, random.Next(3)).Select(i => new VariableMapping(Pick(["passed", "result.score"]), Pick(Identifiers) + i))],
            MultiInstance = random.Next(3) == 0 ? Loop() : null,
        };
    }

    /// <summary>A multi-instance over a variable, an expression (JUEL, FEEL, JavaScript) or a count, parallel or sequential.</summary>
    private MultiInstance Loop()
    {
        var results = Maybe(() => Pick(Identifiers));
        var source = random.Next(3);
        return new MultiInstance
        {
            CollectionVariable = source == 0 ? Pick(Identifiers) : null,
            CollectionExpression = source == 1 ? Pick(["${order.items}", "=items", "order.items.filter(i => i.open)"]) : null,
            LoopCardinality = source == 2 ? Pick(["3", "copies", "${copies + 1}", "=count(items)"]) : null,
            ElementVariable = Pick(Identifiers),
            IsSequential = random.Next(2) == 0,
            CompletionCondition = Maybe(() => Pick(["nrOfCompletedInstances >= 2", "${verdict == 'reject'}", "=numberOfCompletedInstances > 1", "a < b && c"])),
            ResultCollection = results,
            ResultElement = results is null ? null : Maybe(() => Pick(["verdict", "=result.score", "${outcome}"])),
        };
    }

    private T Add<T>(T point)
        where T : Point
    {
        _points.Add(point);
        return point;
    }

    private Flow Connect(Point from, Point to, ConditionBranch? branch = null, string? condition = null)
    {
        var flow = new Flow
        {
            Id = NewId("flow"),
            SourceId = from.Id,
            TargetId = to.Id,
            Name = branch is { } b && random.Next(2) == 0 ? b.ToString() : Maybe(Text) ?? "",
            Branch = branch,
            Condition = condition,
        };
        _flows.Add(flow);
        return flow;
    }

    /// <summary>An id of odd but valid characters: a letter first, then letters (any script), digits, '-', '_', '.'.</summary>
    private string NewId(string stem)
    {
        while (true)
        {
            var id = stem + string.Concat(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Pick(IdCharacters)));
            if (_ids.Add(id))
            {
                return id;
            }
        }
    }

    private string Text() => Pick(OddTexts) + (random.Next(3) == 0 ? " " + Pick(OddTexts) : "");

    private string? Maybe(Func<string> value) => random.Next(2) == 0 ? null : value();

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
