namespace CourseKit.Notebooks.Execution;

/// <summary>
/// What a cell's code may use, checked on the compiler's symbols (never on the text) before the cell
/// runs (<see cref="CodePolicyAnalyzer"/>). The grader gives every cell a student wrote a policy; a cell
/// that breaks one does not run and fails with <see cref="CellStatus.PolicyViolation"/>, naming the rule
/// and the line. <see cref="CodePolicies.Untrusted"/> is the default for student code; an exercise adds
/// its own rules with a <c>with</c> expression.
/// </summary>
/// <remarks>
/// A symbol's fully-qualified name is its namespace, containing types and name joined by '.', without
/// <c>global::</c>, generic arity or parameters: <c>System.IO.File.ReadAllText</c>,
/// <c>System.Collections.Generic.List</c>. A constructor is named by its type, a property or event
/// accessor by its property or event. An entry covers a name when the name equals it or continues it
/// after a '.'; an entry ending in '.' covers only what continues it (<c>System.Type.</c>: the members of
/// <see cref="System.Type"/>, not the type). The most specific (longest) covering entry decides: a symbol
/// is forbidden when the longest rule entry covering it is longer than every <see cref="Allowed"/> entry
/// covering it, and that rule is the one reported.
/// <para>
/// Independently of the entries, the analyzer always refuses what symbol analysis cannot see through:
/// <c>unsafe</c> code, <c>dynamic</c> and P/Invoke; and declarations of <see cref="ReservedNames"/>.
/// </para>
/// </remarks>
public sealed record CodePolicy
{
    /// <summary>The rules; each forbids a set of symbols under a name a student can read ("file system").</summary>
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];

    /// <summary>Fully-qualified symbols allowed although a rule covers them (the instructor's exceptions); the most specific entry wins.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>
    /// Names the cell may not declare (types, methods, local functions, fields, properties, variables, aliases):
    /// what test cells call that the cell is not meant to provide, since a declaration would replace it.
    /// </summary>
    public IReadOnlyList<string> ReservedNames { get; init; } = [];

    /// <summary>Whether <c>#r</c>, <c>#i</c> and <c>#load</c> directives are allowed in the cell.</summary>
    public bool AllowDirectives { get; init; } = true;
}
