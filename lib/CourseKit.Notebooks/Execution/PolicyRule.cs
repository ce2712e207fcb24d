namespace CourseKit.Notebooks.Execution;

/// <summary>One rule of a <see cref="CodePolicy"/>.</summary>
/// <param name="Name">What the rule protects, as a student reads it ("file system", "implement Adam's step yourself").</param>
/// <param name="Symbols">
/// Fully-qualified prefixes it forbids: a namespace ("System.IO"), a type ("System.Diagnostics.Process"), a member
/// ("System.Environment.Exit"), or a type's members only ("System.Type."). See <see cref="CodePolicy"/> for the matching.
/// </param>
public sealed record PolicyRule(string Name, IReadOnlyList<string> Symbols);
