using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Grading.Exercises;

/// <summary>Parses cell sources as the engine compiles them: C# script, latest language version.</summary>
internal static class ScriptSyntax
{
    private static readonly CSharpParseOptions _options = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The syntax tree of a cell.</summary>
    public static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, _options);

    /// <summary>The first syntax error of a cell as "line L: message", or null when it parses.</summary>
    public static string? FirstError(string source)
    {
        var error = Parse(source).GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        return error is null ? null : $"line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: {error.GetMessage(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Whether a simple name is looked up in scope: not the member part of <c>a.b</c>, nor an argument or initializer label.</summary>
    public static bool IsLookedUp(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == name,
        QualifiedNameSyntax qualified => qualified.Left == name,
        AliasQualifiedNameSyntax alias => alias.Alias == name,
        MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or NameMemberCrefSyntax => false,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left != name,
        _ => true,
    };
}
