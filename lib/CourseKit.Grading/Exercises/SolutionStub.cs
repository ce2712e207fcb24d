using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// The student version of a solution cell: each solution region replaced so that the cell still compiles
/// and every test of the exercise fails with a <see cref="NotImplementedException"/>, never a compile error.
/// <list type="bullet">
/// <item>A region of whole statements inside a body (method, local function, lambda, accessor, loop):
/// one statement <c>throw new NotImplementedException();</c>.</item>
/// <item>A region of whole declarations at the top level of the cell or inside a type: the declarations
/// stay with their signatures and each body becomes <c>=&gt; throw new NotImplementedException();</c>;
/// field, property and top-level variable initializers are dropped (constants keep theirs; a top-level
/// variable therefore needs its type, not <c>var</c>); top-level statements are removed and one
/// <c>throw</c> statement ends the region.</item>
/// </list>
/// Anything else (markers that cut through a statement or an expression, a local declared inside the
/// region and used outside it) is an authoring error, because the student version would not compile.
/// </summary>
internal static class SolutionStub
{
    /// <summary>The statement a body region becomes.</summary>
    public const string Throw = "throw new NotImplementedException();";

    /// <summary>The comment that opens every replaced region.</summary>
    public const string Hint = "// YOUR CODE HERE";

    private static readonly ArrowExpressionClauseSyntax _arrow =
        ((MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration("void M() => throw new NotImplementedException();")!).ExpressionBody!.WithoutTrivia();

    /// <summary>The cell source with its solution regions replaced; problems are reported with 1-based lines.</summary>
    public static string Make(string source, IReadOnlyList<MarkedRegion> regions, Action<string> problem)
    {
        var tree = ScriptSyntax.Parse(source);
        var root = tree.GetRoot();
        var text = tree.GetText();
        var lines = Markers.Lines(source).ToList();
        var replacements = new List<(MarkedRegion Region, IReadOnlyList<string> Lines)>();
        foreach (var region in regions)
            if (Replacement(root, text, lines, region, problem) is { } stub)
                replacements.Add((region, stub));
        foreach (var (region, stub) in replacements.OrderByDescending(r => r.Region.BeginLine))
        {
            lines.RemoveRange(region.BeginLine, region.EndLine - region.BeginLine + 1);
            lines.InsertRange(region.BeginLine, stub);
        }
        var result = string.Join("\n", lines);
        if (replacements.Count == regions.Count && ScriptSyntax.FirstError(result) is { } error)
            problem($"its student version does not parse ({error}); keep whole statements or declarations between the solution markers");
        return result;
    }

    private static List<string>? Replacement(SyntaxNode root, SourceText text, List<string> lines, MarkedRegion region, Action<string> problem)
    {
        var where = $"lines {region.BeginLine + 1}-{region.EndLine + 1}";
        var start = text.Lines[region.BeginLine].EndIncludingLineBreak;
        var end = text.Lines[region.EndLine].Start;
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
        var inside = tokens.Where(t => t.SpanStart >= start && t.Span.End <= end).ToArray();
        if (inside.Length == 0)
        {
            problem($"{where}: the solution markers enclose no code; expected the lines a student writes between them");
            return null;
        }
        var indent = new string(lines[region.BeginLine].TakeWhile(char.IsWhiteSpace).ToArray());
        if (tokens.Any(t => (t.SpanStart < start && t.Span.End > start) || (t.SpanStart < end && t.Span.End > end))
            || Container(inside[0], inside[^1]) is not { } found)
        {
            problem($"{where}: the solution markers cut through a statement or expression; expected them to enclose whole statements of a body or whole declarations");
            return null;
        }
        var (container, children) = found;
        if (container is BlockSyntax or SwitchSectionSyntax)
        {
            CheckNothingEscapes(container, children, where, problem);
            return [indent + Hint, indent + Throw];
        }
        return Declarations(text, start, end, children, indent, where, problem);
    }

    /// <summary>The innermost statement list or member list whose whole children span exactly the region's tokens.</summary>
    private static (SyntaxNode Container, IReadOnlyList<SyntaxNode> Children)? Container(SyntaxToken first, SyntaxToken last)
    {
        var common = first.Parent!.AncestorsAndSelf().First(a => a.Span.Contains(last.Span));
        for (var node = common; node is not null; node = node.Parent)
        {
            IReadOnlyList<SyntaxNode>? children = node switch
            {
                BlockSyntax b => b.Statements,
                SwitchSectionSyntax s => s.Statements,
                CompilationUnitSyntax c => [.. c.Externs, .. c.Usings, .. c.Members],
                TypeDeclarationSyntax t => t.Members,
                _ => null,
            };
            if (children is null) continue;
            var inside = children.Where(c => c.SpanStart >= first.SpanStart && c.Span.End <= last.Span.End).ToArray();
            if (inside.Length > 0 && inside[0].GetFirstToken() == first && inside[^1].GetLastToken() == last)
                return (node, inside);
        }
        return null;
    }

    /// <summary>A local or local function declared in a body region and used elsewhere in the body would be undefined in the student version.</summary>
    private static void CheckNothingEscapes(SyntaxNode container, IReadOnlyList<SyntaxNode> region, string where, Action<string> problem)
    {
        var declared = region.SelectMany(s => s switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => v.Identifier.ValueText),
            LocalFunctionStatementSyntax function => [function.Identifier.ValueText],
            ExpressionStatementSyntax expression => expression.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText),
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        var others = container.ChildNodes().Where(c => !region.Contains(c));
        foreach (var use in others.SelectMany(o => o.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>())
        {
            if (!ScriptSyntax.IsLookedUp(use) || !declared.Remove(use.Identifier.ValueText)) continue;
            var line = use.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            problem($"{where}: '{use.Identifier.ValueText}' is declared between the solution markers and used outside them (line {line}), so the student version would not compile; declare it before {Markers.BeginSolution}");
        }
    }

    private static List<string>? Declarations(SourceText text, int start, int end, IReadOnlyList<SyntaxNode> children, string indent, string where, Action<string> problem)
    {
        var edits = new List<(TextSpan Span, string Text)>();
        var removed = false;
        var ok = true;
        foreach (var child in children)
        {
            switch (child)
            {
                case var _ when Untyped(child) is { } untyped:
                    var line = untyped.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    problem($"{where}: 'var {untyped.Variables[0].Identifier.ValueText}' at line {line} is a top-level variable between the solution markers; the student version keeps it without its value and needs its type: write the type instead of var, or move the declaration before {Markers.BeginSolution}");
                    ok = false;
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    if (local.IsConst) break;
                    var names = string.Join(", ", local.Declaration.Variables.Select(v => v.Identifier.ValueText + " = default!"));
                    edits.Add((child.Span, $"{local.Declaration.Type} {names};"));
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax }:
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    edits.Add((child.Span, new StubRewriter().Visit(child)!.ToString()));
                    break;
                case GlobalStatementSyntax:
                    edits.Add((child.Span, ""));
                    removed = true;
                    break;
            }
        }
        if (!ok) return null;
        var region = text.GetSubText(TextSpan.FromBounds(start, end)).WithChanges(edits.Select(e => new TextChange(new TextSpan(e.Span.Start - start, e.Span.Length), e.Text)));
        var result = new List<string> { indent + Hint };
        result.AddRange(region.ToString().Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.TrimEnd('\r')));
        if (removed) result.Add(indent + Throw);
        return result;
    }

    /// <summary>A top-level variable declared with <c>var</c> (a script field or a local), or null.</summary>
    private static VariableDeclarationSyntax? Untyped(SyntaxNode child) => child switch
    {
        FieldDeclarationSyntax { Parent: CompilationUnitSyntax } field when field.Declaration.Type.IsVar => field.Declaration,
        GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax { IsConst: false } local } when local.Declaration.Type.IsVar => local.Declaration,
        _ => null,
    };

    /// <summary>Keeps declarations and their signatures; every body becomes <c>=&gt; throw new NotImplementedException();</c>, every initializer goes.</summary>
    private sealed class StubRewriter : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
            Stub(node, node.Body, node.ExpressionBody, (n, b) => n.WithBody(b), (n, a) => n.WithExpressionBody(a), (n, s) => n.WithSemicolonToken(s));

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
        {
            node = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
            if (node.ExpressionBody is not null) return node.WithExpressionBody(Arrow(node.ExpressionBody));
            if (node.Initializer is null || node.AccessorList is null) return node;
            return node.WithInitializer(null).WithSemicolonToken(default)
                .WithAccessorList(node.AccessorList.WithTrailingTrivia(node.SemicolonToken.TrailingTrivia));
        }

        public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
        {
            node = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
            return node.ExpressionBody is null ? node : node.WithExpressionBody(Arrow(node.ExpressionBody));
        }

        public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node)
        {
            if (node.Modifiers.Any(SyntaxKind.ConstKeyword)) return node;
            var variables = node.Declaration.Variables.Select(v => v.Initializer is null ? v : v.WithIdentifier(v.Identifier.WithoutTrivia()).WithInitializer(null));
            return node.WithDeclaration(node.Declaration.WithVariables(SyntaxFactory.SeparatedList(variables, node.Declaration.Variables.GetSeparators())));
        }

        private static ArrowExpressionClauseSyntax Arrow(SyntaxNode replaced) =>
            _arrow.WithLeadingTrivia(replaced.GetLeadingTrivia()).WithTrailingTrivia(replaced.GetTrailingTrivia());

        /// <summary>Replaces a block or expression body by the throwing arrow, keeping the layout around it.</summary>
        private static T Stub<T>(T node, BlockSyntax? body, ArrowExpressionClauseSyntax? arrow,
            Func<T, BlockSyntax?, T> withBody, Func<T, ArrowExpressionClauseSyntax?, T> withArrow, Func<T, SyntaxToken, T> withSemicolon)
            where T : SyntaxNode
        {
            if (arrow is not null) return withArrow(node, Arrow(arrow));
            if (body is null) return node;
            var trailing = body.GetTrailingTrivia();
            var before = body.GetFirstToken().GetPreviousToken();
            node = node.ReplaceToken(before, before.WithTrailingTrivia(SyntaxFactory.Space));
            node = withArrow(withBody(node, null), _arrow);
            return withSemicolon(node, SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(trailing));
        }
    }
}
