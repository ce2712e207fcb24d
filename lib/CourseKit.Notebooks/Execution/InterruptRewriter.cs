using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Rewrites a cell so that it can be interrupted: a call to <see cref="CellInterrupt.Check"/> goes at
/// the top of every <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> body, before every
/// <c>goto</c>, and at the start of every method, constructor, accessor, local function and block
/// lambda (recursion without loops); expression-bodied methods and local functions get a block body.
/// Everything is inserted on the line where it goes, so compiler and stack-trace line numbers stay
/// those of the cell. Code that does not parse is returned unchanged (its compile errors are reported as written).
/// </summary>
/// <remarks>Not covered: expression lambdas (their return type is unknown before binding) and code outside the cell (library calls, <c>Thread.Sleep</c>).</remarks>
public sealed class InterruptRewriter : CSharpSyntaxRewriter
{
    private static readonly CSharpParseOptions _scriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly StatementSyntax _check = ParseStatement("global::CourseKit.Notebooks.Execution.CellInterrupt.Check();")
        .WithoutTrivia();

    private InterruptRewriter()
    {
    }

    /// <summary>The interruptible form of a cell's code (script syntax), or the code itself when it does not parse.</summary>
    public static string Rewrite(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, _scriptOptions);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return code;
        return new InterruptRewriter().Visit(tree.GetRoot()).ToFullString();
    }

    /// <summary>A block that starts with the check, on the open brace's line.</summary>
    private static BlockSyntax Checked(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, _check));

    /// <summary>The check and <paramref name="statement"/> in one block, with the statement's line breaks kept outside.</summary>
    private static BlockSyntax Checked(StatementSyntax statement)
    {
        if (statement is BlockSyntax block) return Checked(block);
        var open = Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(statement.GetLeadingTrivia());
        var close = Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(statement.GetTrailingTrivia());
        return Block(open, List([_check, statement.WithoutTrivia()]), close);
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        // a goto may be a switch section's last statement, where a block is as good as the statement
        return Checked(visited);
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (visited.Body is { } body) return visited.WithBody(Checked(body));
        if (visited.ExpressionBody is { } arrow)
        {
            var (block, semicolon) = BlockFor(arrow, visited.SemicolonToken, ReturnsValue(visited.ReturnType, visited.Modifiers));
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block.WithTrailingTrivia(semicolon));
        }
        return visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body) return visited.WithBody(Checked(body));
        if (visited.ExpressionBody is { } arrow)
        {
            var (block, semicolon) = BlockFor(arrow, visited.SemicolonToken, ReturnsValue(visited.ReturnType, visited.Modifiers));
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block.WithTrailingTrivia(semicolon));
        }
        return visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.Body is { } body ? visited.WithBody(Checked(body)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return visited.Body is { } body ? visited.WithBody(Checked(body)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(Checked(block)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(Checked(block)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(Checked(visited.Block));
    }

    /// <summary>Whether a method with this return type returns its expression body's value (not void, not a plain async Task).</summary>
    private static bool ReturnsValue(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return false;
        if (!modifiers.Any(SyntaxKind.AsyncKeyword)) return true;
        var name = returnType switch
        {
            QualifiedNameSyntax q => q.Right,
            AliasQualifiedNameSyntax a => a.Name,
            _ => returnType,
        };
        return name is not IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" };
    }

    /// <summary><c>=&gt; e;</c> as <c>{ check; return e; }</c> (or <c>{ check; e; }</c>), on the arrow's line.</summary>
    private static (BlockSyntax Block, SyntaxTriviaList Trailing) BlockFor(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue)
    {
        var expression = arrow.Expression.WithoutTrivia();
        StatementSyntax statement = expression switch
        {
            ThrowExpressionSyntax t => ThrowStatement(Token(SyntaxKind.ThrowKeyword).WithTrailingTrivia(Space), t.Expression.WithoutTrivia(), Token(SyntaxKind.SemicolonToken)),
            _ when returnsValue => ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken)),
            _ => ExpressionStatement(expression),
        };
        var open = Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia).WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia);
        // the expression keeps its own inner line breaks; trivia between it and the semicolon moves after the block
        var block = Block(open, List([_check, statement]), Token(SyntaxKind.CloseBraceToken));
        return (block, arrow.Expression.GetTrailingTrivia().AddRange(semicolon.LeadingTrivia).AddRange(semicolon.TrailingTrivia));
    }
}
