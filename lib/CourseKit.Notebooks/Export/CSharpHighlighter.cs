using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// Server-side syntax highlighting of C# cells for the static site: comments, strings, numbers,
/// keywords and directives wrapped in <c>&lt;span class="tok-..."&gt;</c>, everything HTML-escaped. No script needed at view time.
/// </summary>
public static partial class CSharpHighlighter
{
    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<directive>^[ \t]*\#[a-z!]+[^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.|"")*"|'(?:[^'\\\n]|\\.)+')
        |(?<number>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[dfmlDFML]?\b)
        |(?<keyword>\b(?:abstract|as|async|await|base|bool|break|case|catch|char|class|const|continue|decimal|default|delegate|do|double|else|enum|event|false|finally|fixed|float|for|foreach|get|if|in|init|int|interface|internal|is|lock|long|namespace|new|null|object|out|override|params|private|protected|public|readonly|record|ref|return|sealed|set|static|string|struct|switch|this|throw|true|try|typeof|using|var|virtual|void|when|while|with|yield)\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();

    /// <summary>The token groups of <see cref="Token"/>, each the name of its CSS class (<c>tok-…</c>).</summary>
    private static readonly string[] _tokenKinds = ["comment", "directive", "string", "number", "keyword"];

    /// <summary>The code as highlighted, escaped HTML (without the surrounding pre/code).</summary>
    public static string ToHtml(string code)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Token().Matches(code))
        {
            sb.Append(WebUtility.HtmlEncode(code[last..m.Index]));
            var kind = _tokenKinds.First(k => m.Groups[k].Success);
            sb.Append(CultureInfo.InvariantCulture, $"<span class=\"tok-{kind}\">").Append(WebUtility.HtmlEncode(m.Value)).Append("</span>");
            last = m.Index + m.Length;
        }
        sb.Append(WebUtility.HtmlEncode(code[last..]));
        return sb.ToString();
    }
}
