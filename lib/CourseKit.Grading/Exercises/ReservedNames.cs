using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// The names a student's cell may not declare: the simple names the test cells look up (a helper
/// <c>Check</c>, the kit's <c>Expect</c>, <c>Math</c>) that neither the tests themselves nor the cells a
/// student may write declare. A student's declaration of such a name would shadow what a test calls, so
/// a student-defined <c>Check</c> that never fails cannot make a test pass. Found on Roslyn syntax.
/// </summary>
public static class ReservedNames
{
    /// <summary>Names no cell declares but every cell may use: keywords that parse as names.</summary>
    private static readonly HashSet<string> _contextual = new(StringComparer.Ordinal) { "var", "nameof", "dynamic", "_", "value", "unmanaged", "notnull" };

    /// <summary>
    /// The reserved names, sorted: used by <paramref name="testSources"/>, declared neither there nor in
    /// <paramref name="writableSources"/> (the instructor's versions of the cells a student may write).
    /// </summary>
    public static IReadOnlyList<string> Compute(IEnumerable<string> testSources, IEnumerable<string> writableSources)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in testSources)
        {
            var root = ScriptSyntax.Parse(source).GetRoot();
            used.UnionWith(LookedUp(root));
            declared.UnionWith(Declared(root));
        }
        foreach (var source in writableSources)
            declared.UnionWith(Declared(ScriptSyntax.Parse(source).GetRoot()));
        used.ExceptWith(declared);
        used.ExceptWith(_contextual);
        return [.. used.Order(StringComparer.Ordinal)];
    }

    /// <summary>Simple names looked up in scope: not the member part of <c>a.b</c>, nor an argument or initializer label.</summary>
    private static IEnumerable<string> LookedUp(SyntaxNode root) =>
        root.DescendantNodes().OfType<SimpleNameSyntax>().Where(ScriptSyntax.IsLookedUp).Select(n => n.Identifier.ValueText);

    /// <summary>Every identifier the source declares (types, members, locals, parameters, pattern and query variables).</summary>
    private static IEnumerable<string> Declared(SyntaxNode root) =>
        root.DescendantNodes().Select(DeclaredIdentifier).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText);

    private static SyntaxToken DeclaredIdentifier(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier,
        DelegateDeclarationSyntax d => d.Identifier,
        MethodDeclarationSyntax m => m.Identifier,
        PropertyDeclarationSyntax p => p.Identifier,
        EventDeclarationSyntax e => e.Identifier,
        EnumMemberDeclarationSyntax e => e.Identifier,
        LocalFunctionStatementSyntax f => f.Identifier,
        VariableDeclaratorSyntax v => v.Identifier,
        SingleVariableDesignationSyntax s => s.Identifier,
        ParameterSyntax p => p.Identifier,
        TypeParameterSyntax t => t.Identifier,
        ForEachStatementSyntax f => f.Identifier,
        CatchDeclarationSyntax c => c.Identifier,
        FromClauseSyntax f => f.Identifier,
        LetClauseSyntax l => l.Identifier,
        JoinClauseSyntax j => j.Identifier,
        JoinIntoClauseSyntax j => j.Identifier,
        QueryContinuationSyntax q => q.Identifier,
        UsingDirectiveSyntax { Alias: { } alias } => alias.Name.Identifier,
        _ => default,
    };
}
