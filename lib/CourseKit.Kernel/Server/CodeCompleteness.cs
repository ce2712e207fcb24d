using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Kernel.Server;

/// <summary>
/// The answer to <c>is_complete_request</c> (console front ends ask it to decide whether Enter runs
/// the code): "incomplete" while the script submission is unfinished (an open brace, a statement
/// without its semicolon that cannot be a trailing expression), else "complete" (errors are reported
/// when it runs).
/// </summary>
public static class CodeCompleteness
{
    private static readonly CSharpParseOptions _script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>"complete" or "incomplete".</summary>
    public static string Of(string code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "complete";
        var tree = CSharpSyntaxTree.ParseText(code, _script);
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }
}
