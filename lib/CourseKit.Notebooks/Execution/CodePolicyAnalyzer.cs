using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Checks one notebook cell against a <see cref="CodePolicy"/> on the compiler's symbols, before it runs.
/// Every syntax node of the cell is bound: what it refers to (methods, method groups, constructors
/// including target-typed <c>new()</c>, properties, indexers, events, fields, operators, attributes,
/// extension methods as declared), its type and converted type (so <c>var</c>, returned values and implicit
/// conversions count), the conversion operator it goes through, and the members that <c>foreach</c>,
/// query clauses, deconstruction, <c>await</c> and collection initializers call implicitly. Generic type
/// arguments, array elements and pointer targets are checked too. Aliases, <c>using static</c> and
/// <c>global::</c> resolve to the same symbols, so none of them slips through. A type that only qualifies a
/// member (<c>Environment</c> in <c>Environment.NewLine</c>) and using directives only say where a name
/// lives: what is judged is the member, where it is used.
/// </summary>
/// <remarks>
/// Analyse the cell as written, not its interruptible rewrite (<see cref="InterruptRewriter"/>), so that
/// lines are the student's. The policy is checked whether or not the cell compiles. Beyond the
/// policy's entries, <c>unsafe</c> code, <c>dynamic</c> and P/Invoke are always refused, since the
/// analysis cannot see what they reach.
/// </remarks>
public static class CodePolicyAnalyzer
{
    /// <summary>The rule reported for unsafe blocks and modifiers, pointers, <c>fixed</c>, stackalloc into a pointer and function pointers.</summary>
    public const string UnsafeCodeRule = "unsafe code";

    /// <summary>The rule reported for <c>dynamic</c> types and dynamically bound calls.</summary>
    public const string DynamicRule = "dynamic";

    /// <summary>The rule reported for <c>extern</c> methods and DllImport/LibraryImport attributes.</summary>
    public const string PlatformInvokeRule = "P/Invoke";

    /// <summary>The rule reported for declarations of <see cref="CodePolicy.ReservedNames"/>.</summary>
    public const string ReservedNameRule = "names the tests use";

    /// <summary>The rule reported for <c>#r</c>, <c>#i</c> and <c>#load</c> when <see cref="CodePolicy.AllowDirectives"/> is false.</summary>
    public const string DirectivesRule = "#r and #i directives";

    private static readonly HashSet<string> _platformInvokeAttributes = new(StringComparer.Ordinal)
    {
        "System.Runtime.InteropServices.DllImportAttribute",
        "System.Runtime.InteropServices.LibraryImportAttribute",
    };

    private const int TypeRank = 1;
    private const int MemberRank = 2;

    private static readonly HashSet<string> _loadingDirectives = new(StringComparer.Ordinal) { "r", "i", "load" };

    /// <summary>Checks the code of <paramref name="script"/> (the last submission of its chain) against <paramref name="policy"/>.</summary>
    public static IReadOnlyList<PolicyViolation> Analyze(Script script, CodePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(script);
        var compilation = script.GetCompilation();
        return Analyze(compilation, compilation.SyntaxTrees.Last(), policy);
    }

    /// <summary>
    /// Checks <paramref name="cell"/>, a syntax tree of <paramref name="compilation"/> (for a notebook, the last
    /// submission of a script chain), against <paramref name="policy"/>. Returns the violations in line order,
    /// at most one per rule and line (naming the first member used there, else the first type); empty when the cell may run.
    /// </summary>
    public static IReadOnlyList<PolicyViolation> Analyze(Compilation compilation, SyntaxTree cell, CodePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(policy);
        if (!compilation.ContainsSyntaxTree(cell))
            throw new ArgumentException("The cell's syntax tree is not part of the compilation; expected a tree of the submission being checked.", nameof(cell));
        var scan = new Scan(compilation.GetSemanticModel(cell), new PolicyMatcher(policy), policy);
        scan.Run();
        return scan.Violations;
    }

    /// <summary>The fully-qualified name a policy entry is matched against (see <see cref="CodePolicy"/>).</summary>
    public static string QualifiedName(ISymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return symbol switch
        {
            INamespaceSymbol { IsGlobalNamespace: true } => "",
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } m => QualifiedName(m.ContainingType),
            IMethodSymbol { AssociatedSymbol: { } owner } => QualifiedName(owner),
            IMethodSymbol { ReducedFrom: { } declared } => QualifiedName(declared),
            _ => Join((ISymbol?)symbol.ContainingType ?? symbol.ContainingNamespace, symbol.Name),
        };

        static string Join(ISymbol? container, string name) =>
            container is null || QualifiedName(container) is not { Length: > 0 } prefix ? name : prefix + "." + name;
    }

    /// <summary>One analysis: walks the cell once and keeps one finding per (line, rule), members before types.</summary>
    private sealed class Scan(SemanticModel model, PolicyMatcher matcher, CodePolicy policy)
    {
        private readonly HashSet<string> _reserved = new(policy.ReservedNames, StringComparer.Ordinal);
        private readonly Dictionary<(int Line, string Rule), Finding> _findings = [];
        private int _order;

        public IReadOnlyList<PolicyViolation> Violations =>
        [
            .. _findings.Values.OrderBy(f => f.Line).ThenBy(f => f.Order)
                .Select(f => new PolicyViolation(f.Rule, f.Line, $"line {f.Line}: {f.Message}")),
        ];

        public void Run()
        {
            var root = model.SyntaxTree.GetRoot();
            if (!policy.AllowDirectives) Directives(root);
            foreach (var node in root.DescendantNodesAndSelf(n => n is not UsingDirectiveSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: { } alias }) Declared(alias.Name.Identifier);
                if (node is UsingDirectiveSyntax) continue;
                Syntax(node);
                Bound(node);
            }
        }

        private void Directives(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (trivia.GetStructure() is DirectiveTriviaSyntax directive
                    && _loadingDirectives.Contains(directive.DirectiveNameToken.ValueText))
                {
                    var name = "#" + directive.DirectiveNameToken.ValueText;
                    Report(directive, DirectivesRule,
                        $"{name} is not allowed ({DirectivesRule}): the grader loads what the exercise needs");
                }
            }
        }

        /// <summary>What the syntax alone shows: unsafe constructs, extern methods, declared names.</summary>
        private void Syntax(SyntaxNode node)
        {
            switch (node)
            {
                case UnsafeStatementSyntax:
                    Unsafe(node, "an unsafe block");
                    break;
                case FixedStatementSyntax:
                    Unsafe(node, "a fixed statement");
                    break;
                case PointerTypeSyntax:
                    Unsafe(node, "a pointer type");
                    break;
                case FunctionPointerTypeSyntax:
                    Unsafe(node, "a function pointer");
                    break;
            }
            var modifiers = node switch
            {
                MemberDeclarationSyntax member => member.Modifiers,
                LocalFunctionStatementSyntax local => local.Modifiers,
                _ => default,
            };
            foreach (var modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
                    Report(modifier.Span, UnsafeCodeRule, $"the unsafe modifier is not allowed ({UnsafeCodeRule})");
                if (modifier.IsKind(SyntaxKind.ExternKeyword))
                    Report(modifier.Span, PlatformInvokeRule, $"an extern method (native code) is not allowed ({PlatformInvokeRule})");
            }

            var declared = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier,
                DelegateDeclarationSyntax type => type.Identifier,
                MethodDeclarationSyntax method => method.Identifier,
                LocalFunctionStatementSyntax local => local.Identifier,
                PropertyDeclarationSyntax property => property.Identifier,
                EventDeclarationSyntax e => e.Identifier,
                EnumMemberDeclarationSyntax member => member.Identifier,
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax variable => variable.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax caught => caught.Identifier,
                FromClauseSyntax range => range.Identifier,
                LetClauseSyntax range => range.Identifier,
                JoinClauseSyntax range => range.Identifier,
                JoinIntoClauseSyntax range => range.Identifier,
                QueryContinuationSyntax range => range.Identifier,
                _ => default,
            };
            if (declared != default) Declared(declared);
        }

        private void Declared(SyntaxToken identifier)
        {
            var name = identifier.ValueText;
            if (_reserved.Contains(name))
                Report(identifier.Span, ReservedNameRule, $"declares {name}, a name the tests call; rename it");
        }

        /// <summary>What the semantic model binds the node to, and what it converts through or calls implicitly.</summary>
        private void Bound(SyntaxNode node)
        {
            var info = model.GetSymbolInfo(node);
            if (IsQualifier(node) && info.Symbol is INamedTypeSymbol qualifier)
            {
                // Environment in Environment.NewLine: the member is judged, the type only names where it lives
                TypeArguments(qualifier, node);
                return;
            }
            Symbol(info.Symbol, node);
            foreach (var candidate in info.CandidateSymbols) Symbol(candidate, node);

            if (node is ExpressionSyntax expression)
            {
                var type = model.GetTypeInfo(expression);
                // stackalloc is a pointer only when its target is one: Span<T> s = stackalloc T[n] is safe code
                if (expression is not (StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax))
                    Symbol(type.Type, node);
                Symbol(type.ConvertedType, node);
                Symbol(model.GetConversion(expression).MethodSymbol, node);
            }

            switch (node)
            {
                case AttributeSyntax when info.Symbol is IMethodSymbol constructor
                                          && _platformInvokeAttributes.Contains(QualifiedName(constructor.ContainingType)):
                    Report(node, PlatformInvokeRule,
                        $"{constructor.ContainingType.Name} (calling native code) is not allowed ({PlatformInvokeRule})");
                    break;
                case CommonForEachStatementSyntax loop:
                    var each = model.GetForEachStatementInfo(loop);
                    Symbol(each.GetEnumeratorMethod, node);
                    Symbol(each.MoveNextMethod, node);
                    Symbol(each.CurrentProperty, node);
                    Symbol(each.DisposeMethod, node);
                    Symbol(each.ElementType, node);
                    Symbol(each.ElementConversion.MethodSymbol, node);
                    if (loop is ForEachVariableStatementSyntax deconstructing) Deconstruction(model.GetDeconstructionInfo(deconstructing), node);
                    break;
                case QueryClauseSyntax clause:
                    var query = model.GetQueryClauseInfo(clause);
                    Symbol(query.CastInfo.Symbol, node);
                    Symbol(query.OperationInfo.Symbol, node);
                    break;
                case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } assignment:
                    Deconstruction(model.GetDeconstructionInfo(assignment), node);
                    break;
                case AwaitExpressionSyntax awaited:
                    var awaiting = model.GetAwaitExpressionInfo(awaited);
                    Symbol(awaiting.GetAwaiterMethod, node);
                    Symbol(awaiting.IsCompletedProperty, node);
                    Symbol(awaiting.GetResultMethod, node);
                    break;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } collection:
                    foreach (var element in collection.Expressions)
                        Symbol(model.GetCollectionInitializerSymbolInfo(element).Symbol, element);
                    break;
            }
        }

        private void Deconstruction(DeconstructionInfo info, SyntaxNode node)
        {
            Symbol(info.Method, node);
            Symbol(info.Conversion?.MethodSymbol, node);
            foreach (var nested in info.Nested) Deconstruction(nested, node);
        }

        /// <summary>Checks a referenced symbol: its name against the rules, and the types it is built from.</summary>
        private void Symbol(ISymbol? symbol, SyntaxNode node)
        {
            switch (symbol)
            {
                case null:
                    return;
                case IDynamicTypeSymbol:
                    Report(node, DynamicRule, $"dynamic is not allowed ({DynamicRule}): give the value a static type");
                    return;
                case IPointerTypeSymbol pointer:
                    Unsafe(node, "a pointer");
                    Symbol(pointer.PointedAtType, node);
                    return;
                case IFunctionPointerTypeSymbol:
                    Unsafe(node, "a function pointer");
                    return;
                case IArrayTypeSymbol array:
                    Symbol(array.ElementType, node);
                    return;
                case INamedTypeSymbol type:
                    if (type.TypeKind == TypeKind.Error) return;
                    Name(type.OriginalDefinition, node);
                    TypeArguments(type, node);
                    return;
                case IMethodSymbol { MethodKind: MethodKind.FunctionPointerSignature }:
                    Unsafe(node, "a function pointer");
                    return;
                case IMethodSymbol method:
                    foreach (var argument in method.TypeArguments) Symbol(argument, node);
                    TypeArguments(method.ContainingType, node);
                    Name((method.ReducedFrom ?? method).OriginalDefinition, node);
                    return;
                case IPropertySymbol or IFieldSymbol or IEventSymbol:
                    TypeArguments(symbol.ContainingType, node);
                    Name(symbol.OriginalDefinition, node);
                    return;
                default:
                    return; // locals, parameters, range variables, labels, namespaces, aliases: their types are checked where they are bound
            }
        }

        private void TypeArguments(INamedTypeSymbol? type, SyntaxNode node)
        {
            for (var t = type; t is not null; t = t.ContainingType)
                foreach (var argument in t.TypeArguments)
                    Symbol(argument, node);
        }

        private void Name(ISymbol symbol, SyntaxNode node)
        {
            var name = QualifiedName(symbol);
            if (matcher.RuleFor(name) is { } rule)
                Report(node, rule.Name, $"{name} is not allowed ({rule.Name})", symbol is ITypeSymbol ? TypeRank : MemberRank);
        }

        private void Unsafe(SyntaxNode node, string what) =>
            Report(node, UnsafeCodeRule, $"{what} is not allowed ({UnsafeCodeRule})");

        /// <summary>
        /// Keeps one finding per (line, rule): the first of the highest rank, so that a line names the member it
        /// calls (rank 2) rather than a type it mentions (rank 1).
        /// </summary>
        private void Report(SyntaxNode node, string rule, string message, int rank = 0) =>
            Report(Anchor(node).Span, rule, message, rank);

        private void Report(TextSpan span, string rule, string message, int rank = 0)
        {
            var line = model.SyntaxTree.GetLineSpan(span).StartLinePosition.Line + 1;
            var key = (line, rule);
            if (_findings.TryGetValue(key, out var found) && found.Rank >= rank) return;
            _findings[key] = new Finding(line, found?.Order ?? _order++, rule, message, rank);
        }

        /// <summary>Whether the node is the left side of a member access or qualified name (<c>System.IO.File</c> and its <c>File</c> in <c>System.IO.File.Exists</c>).</summary>
        private static bool IsQualifier(SyntaxNode node) => node.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == node || IsQualifier(access),
            QualifiedNameSyntax qualified => qualified.Left == node || IsQualifier(qualified),
            AliasQualifiedNameSyntax qualified => IsQualifier(qualified),
            _ => false,
        };

        /// <summary>The part of a node that names what it uses: the member of a call chain, the right side of a qualified name.</summary>
        private static SyntaxNode Anchor(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => Anchor(invocation.Expression),
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax qualified => qualified.Name,
            _ => node,
        };
    }

    private sealed record Finding(int Line, int Order, string Rule, string Message, int Rank);
}
