namespace CourseKit.Notebooks.Execution;

/// <summary>
/// What a cell's code may use, checked on the compiler's symbols (never on the text) before the cell
/// runs. The grader gives every cell a student wrote a policy; a cell that breaks one does not run and
/// fails with <see cref="CellStatus.PolicyViolation"/>, naming the rule and the line.
/// </summary>
public sealed record CodePolicy
{
    /// <summary>The rules; each forbids a set of symbols under a name a student can read ("file system").</summary>
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];

    /// <summary>Fully-qualified symbols allowed although a rule covers them (the instructor's exceptions); the most specific entry wins.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>Names the cell may not declare: what test cells call that the cell is not meant to provide (a declaration would replace it).</summary>
    public IReadOnlyList<string> ReservedNames { get; init; } = [];

    /// <summary>Whether <c>#r</c> and <c>#i</c> directives are allowed in the cell.</summary>
    public bool AllowDirectives { get; init; } = true;
}

/// <summary>One rule of a <see cref="CodePolicy"/>.</summary>
/// <param name="Name">What the rule protects, as a student reads it ("file system", "implement Adam's step yourself").</param>
/// <param name="Symbols">Fully-qualified prefixes it forbids: a namespace ("System.IO"), a type ("System.Diagnostics.Process") or a member ("System.Environment.Exit").</param>
public sealed record PolicyRule(string Name, IReadOnlyList<string> Symbols);

/// <summary>A use of something a <see cref="CodePolicy"/> forbids.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Message">One line a student can act on: what was used and why it is not allowed.</param>
public sealed record PolicyViolation(string Rule, int Line, string Message);
