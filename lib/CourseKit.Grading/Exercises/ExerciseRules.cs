using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// An exercise's own rules, in its solution cell's metadata:
/// <c>"coursekit": {"forbid": ["CourseKit.Optimisers.Adam"], "allow": ["System.Threading.Tasks.Parallel"], "reason": "implement Adam's step yourself"}</c>.
/// <c>forbid</c> adds fully-qualified symbols (namespace, type or member) to the baseline policy the grader
/// runs student code under; <c>allow</c> lifts the baseline for this exercise; <c>reason</c> is what a
/// student reads when the rule is broken.
/// </summary>
/// <param name="Forbid">Symbols this exercise forbids.</param>
/// <param name="Allow">Symbols this exercise allows although the baseline forbids them.</param>
/// <param name="Reason">The rule's name as a student reads it, or null for a default naming the exercise.</param>
public sealed record ExerciseRules(IReadOnlyList<string> Forbid, IReadOnlyList<string> Allow, string? Reason)
{
    /// <summary>The metadata key of the rules.</summary>
    public const string Key = "coursekit";

    /// <summary>No rules of its own.</summary>
    public static readonly ExerciseRules None = new([], [], null);

    /// <summary>Reads a cell's rules (null when it has none); malformed entries are reported through <paramref name="problem"/>.</summary>
    public static ExerciseRules? Read(NotebookCell cell, Action<string>? problem = null)
    {
        if (cell.Metadata[Key] is not { } node) return null;
        if (node is not JsonObject o)
        {
            problem?.Invoke($"its {Key} metadata is {node.ToJsonString()}; expected an object like {{\"forbid\": [\"CourseKit.Optimisers.Adam\"]}}");
            return null;
        }
        foreach (var (name, _) in o)
            if (name is not ("forbid" or "allow" or "reason"))
                problem?.Invoke($"its {Key} metadata has an unknown field \"{name}\"; expected forbid, allow or reason");
        var reason = o["reason"] is JsonValue r && r.TryGetValue<string>(out var text) ? text : null;
        return new ExerciseRules(Symbols(o, "forbid", problem), Symbols(o, "allow", problem), reason);
    }

    /// <summary>The rule's name a student reads for exercise <paramref name="gradeId"/>.</summary>
    public string RuleName(string gradeId) => Reason ?? $"exercise '{gradeId}' asks you to write this yourself";

    /// <summary>The policy of a cell of exercise <paramref name="gradeId"/>: the baseline, this exercise's rules and the names it may not declare.</summary>
    public CodePolicy Apply(CodePolicy baseline, string gradeId, IReadOnlyList<string> reservedNames) => baseline with
    {
        Rules = Forbid.Count == 0 ? baseline.Rules : [.. baseline.Rules, new PolicyRule(RuleName(gradeId), Forbid)],
        Allowed = [.. baseline.Allowed.Union(Allow, StringComparer.Ordinal)],
        ReservedNames = reservedNames,
    };

    /// <summary>
    /// The policy of a cell the student added, which could serve any exercise: the baseline with every
    /// exercise's forbidden symbols, and only the allowances that no exercise forbids.
    /// </summary>
    public static CodePolicy Combine(CodePolicy baseline, IEnumerable<(string GradeId, ExerciseRules Rules)> exercises, IReadOnlyList<string> reservedNames)
    {
        var all = exercises.Where(e => e.Rules.Forbid.Count > 0).ToArray();
        var forbidden = all.SelectMany(e => e.Rules.Forbid).ToArray();
        var allowed = baseline.Allowed.Concat(exercises.SelectMany(e => e.Rules.Allow))
            .Distinct(StringComparer.Ordinal)
            .Where(a => !forbidden.Any(f => Covers(f, a)));
        return baseline with
        {
            Rules = [.. baseline.Rules, .. all.Select(e => new PolicyRule(e.Rules.RuleName(e.GradeId), e.Rules.Forbid))],
            Allowed = [.. allowed],
            ReservedNames = reservedNames,
        };
    }

    /// <summary>Whether the fully-qualified prefix <paramref name="scope"/> covers <paramref name="symbol"/> (equal, or a member/namespace below it).</summary>
    private static bool Covers(string scope, string symbol) =>
        symbol == scope || symbol.StartsWith(scope + ".", StringComparison.Ordinal);

    private static IReadOnlyList<string> Symbols(JsonObject o, string name, Action<string>? problem)
    {
        if (o[name] is not { } node) return [];
        if (node is JsonArray array && array.All(e => e is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0))
            return [.. array.Select(e => e!.GetValue<string>().Trim())];
        problem?.Invoke($"its {Key} field {name} is {node.ToJsonString()}; expected a list of fully-qualified names like [\"System.IO.File\"]");
        return [];
    }
}
