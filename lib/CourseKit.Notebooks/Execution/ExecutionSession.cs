using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Formatting;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The execution engine: one C# script state that cells continue, exactly as the Polyglot Notebooks
/// C# kernel runs them (Roslyn scripting, <c>ContinueWithAsync</c> with exceptions caught, no globals
/// object, the kernel's default imports and <c>using static</c> of its helpers). Every front end —
/// the batch runner (<see cref="NotebookRunner"/>), the Jupyter kernel, the grader — drives one
/// session per notebook: <see cref="ExecuteAsync"/> runs a cell and returns its merged outputs, while
/// <see cref="OutputProduced"/> reports each output live.
/// </summary>
/// <remarks>
/// A cell that exceeds its time limit, or is cancelled while running, is stopped cooperatively: each
/// cell is compiled from its <see cref="InterruptRewriter"/> form, whose <see cref="CellInterrupt.Check"/>
/// calls throw at the next loop iteration or call, and the session goes on from the state where the
/// cell stopped. Code that makes no such check for longer than <see cref="ExecutionOptions.InterruptGracePeriod"/>
/// (a long <c>Thread.Sleep</c>, a library call) cannot be stopped (.NET has no thread abort): it is
/// abandoned, its late output dropped, and the session refuses further cells (<see cref="BrokenBecause"/>).
/// Front ends restart by creating a new session.
/// </remarks>
public sealed class ExecutionSession
{
    /// <summary>The namespaces every cell imports, those of the real C# kernel.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    ];

    private static readonly MethodInfo? _hasReturnValue =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

    private ExecutionOptions _options;
    private PackageLoader _packages;
    private readonly Dictionary<string, string> _cellLabels = new(StringComparer.Ordinal);
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;
    private string? _brokenBecause;
    private int _executionCount;

    /// <summary>Creates a session; nothing is compiled until the first cell (or <see cref="WarmUpAsync"/>).</summary>
    public ExecutionSession(ExecutionOptions? options = null)
    {
        _options = options ?? new ExecutionOptions();
        _packages = new PackageLoader(new PackageRestorer(_options.PackageCacheDirectory));
        ConsoleRouter.Install();
        FormatterPlugins.EnsureRegistered();
        var folder = Path.GetFullPath(_options.WorkingDirectory);
        _scriptOptions = WithFrameworkReferencesResolved(ScriptOptions.Default.WithMetadataResolver(new MappedMetadataResolver(folder)))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(typeof(KernelHelpers).Assembly, typeof(Formatter).Assembly, typeof(IHtmlContent).Assembly)
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>
    /// The options with their by-name framework references (<c>System.Runtime</c>, <c>System.Linq</c>…) resolved to files
    /// once. Roslyn resolves a by-name reference anew for every submission and reads its metadata again, which cost a
    /// trivial cell about 15 ms of its 30; the same resolved references let every cell reuse the metadata. A name that
    /// does not resolve stays as it was, so Roslyn reports it as before.
    /// </summary>
    private static ScriptOptions WithFrameworkReferencesResolved(ScriptOptions options) =>
        options.WithReferences(options.MetadataReferences.SelectMany(reference =>
            reference is UnresolvedMetadataReference name
            && options.MetadataResolver.ResolveReference(name.Reference, baseFilePath: null, name.Properties) is [_, ..] files
                ? files.CastArray<MetadataReference>().AsEnumerable()
                : [reference]));

    /// <summary>Each output as it is produced (stream chunks unmerged; display updates flagged).</summary>
    public event EventHandler<OutputEventArgs>? OutputProduced;

    /// <summary>How many cells have been submitted.</summary>
    public int ExecutionCount => _executionCount;

    /// <summary>The script state after the last cell (for completion and inspection by the kernel); null before the first.</summary>
    public ScriptState<object>? State => _state;

    /// <summary>Why the session accepts no more cells (a cell timed out or was cancelled), or null.</summary>
    public string? BrokenBecause => _brokenBecause;

    /// <summary>Packages loaded with <c>#r "nuget:"</c> so far.</summary>
    public IReadOnlyCollection<PackageReference> Packages => _packages.Loaded;

    /// <summary>
    /// Gives a session that has not run a cell yet its real options (a worker warms a session up before it
    /// knows which notebook it will run; the hidden first submission resolves nothing, so it stays valid).
    /// </summary>
    /// <exception cref="InvalidOperationException">A cell has run already.</exception>
    public void Configure(ExecutionOptions options)
    {
        if (_executionCount > 0) throw new InvalidOperationException("the session has run cells already; expected a fresh session to configure");
        _options = options;
        _packages = new PackageLoader(new PackageRestorer(options.PackageCacheDirectory));
        var folder = Path.GetFullPath(options.WorkingDirectory);
        _scriptOptions = _scriptOptions
            .WithMetadataResolver(new MappedMetadataResolver(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder));
    }

    /// <summary>Compiles and runs the hidden first submission (the kernel helpers' <c>using static</c>): makes the first real cell fast.</summary>
    public async Task WarmUpAsync()
    {
        if (_state is not null) return;
        var preamble = $"using static {typeof(KernelHelpers).FullName};";
        _state = await Task.Run(() => CSharpScript.RunAsync(preamble, _scriptOptions)).ConfigureAwait(false);
    }

    /// <summary>Runs one cell in the session's state.</summary>
    /// <param name="code">The cell's source.</param>
    /// <param name="cellLabel">How tracebacks and diagnostics name the cell ("cell 3"); defaults to "cell N" by execution count.</param>
    /// <param name="policy">What the cell's code may use, checked before it runs (the grader's); null for no restriction.</param>
    /// <param name="cancellationToken">Cancels (interrupts) the cell.</param>
    public async Task<CellExecutionResult> ExecuteAsync(string code, string? cellLabel = null, CodePolicy? policy = null, CancellationToken cancellationToken = default)
    {
        var count = Interlocked.Increment(ref _executionCount);
        var label = cellLabel ?? $"cell {count}";
        var cell = new CellContext(e => OutputProduced?.Invoke(this, e), count, _options.OutputLimit);
        var clock = Stopwatch.StartNew();
        var status = await RunCellAsync(code, label, cell, policy, cancellationToken).ConfigureAwait(false);
        return new CellExecutionResult(status, cell.Close(), clock.Elapsed, count);
    }

    private async Task<CellStatus> RunCellAsync(string code, string label, CellContext cell, CodePolicy? policy, CancellationToken cancellationToken)
    {
        var directives = CellDirectives.Parse(code);
        if (Refusal(code, directives, label, policy) is { } refusal)
            return Fail(cell, refusal.Status, refusal.Message, label);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.CellTimeout);
        if (await PrepareAsync(directives, label, cell, limit.Token, cancellationToken).ConfigureAwait(false) is { } failed)
            return failed;

        var fileName = $"{label.Replace(' ', '-')}.csx";
        _cellLabels[fileName] = label;
        var options = _scriptOptions.WithFilePath(Path.Combine(Path.GetFullPath(_options.WorkingDirectory), fileName));
        if (policy is not null)
        {
            options = options.WithAllowUnsafe(false);
            // checked on the cell as written (lifted directive lines are blank, so lines are the student's)
            if (CodePolicyAnalyzer.Analyze(_state!.Script.ContinueWith(directives.Code, options), policy) is [_, ..] violations)
            {
                cell.Fail(CellErrors.PolicyViolation(violations.Select(v => $"{label}, {v.Message}").ToArray()));
                return CellStatus.PolicyViolation;
            }
        }
        return await RunScriptAsync(directives.Code, options, label, cell, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why the session will not run the cell at all (the status and message), or null when it will.</summary>
    private (CellStatus Status, string Message)? Refusal(string code, CellDirectives directives, string label, CodePolicy? policy)
    {
        if (_brokenBecause is not null)
            return (CellStatus.Unsupported, $"the session cannot run {label}: {_brokenBecause}; restart the session");
        if (directives.KernelOverride is { } kernel && !KernelLanguages.IsCSharp(kernel))
            return (CellStatus.Unsupported, $"{label} is in the kernel language '{kernel}'; only C# cells are supported");
        if (directives.Unsupported is { } magic)
            return (CellStatus.Unsupported, $"{label}, line {magic.Line}: the magic command '{magic.Text}' is not supported; only #r and #i directives are");
        if (policy is { AllowDirectives: false } && (directives.Packages.Count > 0 || directives.Sources.Count > 0 || LoadsCode(code)))
            return (CellStatus.PolicyViolation, $"{label}: #r and #i directives are not allowed in this cell (loading code)");
        return null;
    }

    /// <summary>
    /// What must happen before the cell compiles, within its time limit: the warm-up, its <c>#r "nuget:"</c> packages and
    /// the builds of the projects whose DLLs it references. Returns the status of a cell that failed here, or null.
    /// </summary>
    private async Task<CellStatus?> PrepareAsync(CellDirectives directives, string label, CellContext cell, CancellationToken limit, CancellationToken cancellationToken)
    {
        try
        {
            await WarmUpAsync().ConfigureAwait(false);
            if (directives.Packages.Count > 0)
                _scriptOptions = await _packages.LoadAsync(_scriptOptions, directives.Packages, directives.Sources, limit).ConfigureAwait(false);
            foreach (var reference in ProjectBuild.ReferencedFiles(directives.Code))
            {
                var path = Path.GetFullPath(Path.Combine(_options.WorkingDirectory, reference));
                if (await ProjectBuild.EnsureAsync(path, text => cell.Write("stderr", text), limit).ConfigureAwait(false) is { } problem)
                    return Fail(cell, CellStatus.CompileError, $"{label}: {problem}", label);
            }
            return null;
        }
        catch (PackageRestoreException e)
        {
            return Fail(cell, CellStatus.Unsupported, e.Message, label);
        }
        catch (OperationCanceledException)
        {
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>
    /// Runs the cell's script on a thread of its own and waits for it within the time limit; a cell that does not stop
    /// within the grace period after its limit or cancellation is abandoned and breaks the session.
    /// </summary>
    private async Task<CellStatus> RunScriptAsync(string code, ScriptOptions options, string label, CellContext cell, CancellationTokenSource limit, CancellationToken cancellationToken)
    {
        var previous = _state!;
        var compiled = _options.InterruptibleCells ? InterruptRewriter.Rewrite(code) : code;
        using var interruption = cell.InterruptOn(limit.Token);
        var run = Task.Run(async () =>
        {
            ConsoleRouter.Current = cell;
            try
            {
                if (_options.SetCurrentDirectory) Directory.SetCurrentDirectory(_options.WorkingDirectory);
                return await previous.ContinueWithAsync<object>(compiled, options, catchException: _ => true, cancellationToken: limit.Token)
                    .ConfigureAwait(false);
            }
            finally
            {
                cell.Finished();
            }
        }, CancellationToken.None);

        var finished = await Task.WhenAny(run, Task.Delay(Timeout.Infinite, limit.Token)).ConfigureAwait(false);
        if (finished != run)
        {
            // the cell's interrupt checks throw at the next loop iteration or call: give it a moment to stop
            await Task.WhenAny(run, Task.Delay(_options.InterruptGracePeriod, CancellationToken.None)).ConfigureAwait(false);
        }
        if (!run.IsCompleted)
        {
            _ = run.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe the abandoned cell's fault
            _brokenBecause = cancellationToken.IsCancellationRequested
                ? $"{label} was cancelled while running and did not stop"
                : $"{label} exceeded its time limit of {_options.CellTimeout.TotalSeconds:0.###} s and did not stop";
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }

        ScriptState<object> state;
        try
        {
            state = await run.ConfigureAwait(false);
        }
        catch (CompilationErrorException e)
        {
            cell.Fail(CellErrors.CompileError(OriginalDiagnostics(previous, code, compiled, options) ?? e.Diagnostics, label));
            return CellStatus.CompileError;
        }
        catch (OperationCanceledException)
        {
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }

        _state = state; // a cell that stopped (at an interrupt check, or by itself) leaves the session where it stopped
        if (finished != run || (state.Exception is OperationCanceledException && limit.IsCancellationRequested))
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        if (state.Exception is { } exception)
        {
            cell.Fail(CellErrors.RuntimeError(exception, label, _cellLabels));
            return CellStatus.RuntimeError;
        }
        if (HasReturnValue(state.Script, code))
            cell.Display(ValueFormatter.Format(state.ReturnValue), result: true);
        return CellStatus.Succeeded;
    }

    /// <summary>The diagnostics of the cell as written when the compiled code was its interruptible rewrite (columns then match the cell).</summary>
    private static ImmutableArray<Diagnostic>? OriginalDiagnostics(ScriptState<object> previous, string original, string compiled, ScriptOptions options)
    {
        if (ReferenceEquals(original, compiled) || original == compiled) return null;
        var diagnostics = previous.Script.ContinueWith(original, options).Compile();
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? diagnostics : null;
    }

    private CellStatus Interrupted(CellContext cell, string label, bool cancelled)
    {
        if (cancelled)
            return Fail(cell, CellStatus.Cancelled, $"{label} was cancelled", label, "System.OperationCanceledException");
        return Fail(cell, CellStatus.TimedOut,
            $"{label} exceeded its time limit of {_options.CellTimeout.TotalSeconds:0.###} s", label, "System.TimeoutException");
    }

    private static CellStatus Fail(CellContext cell, CellStatus status, string message, string label, string? type = null)
    {
        cell.Fail(CellErrors.Message(message, label, type));
        return status;
    }

    /// <summary>Whether the cell has a <c>#r</c> or <c>#load</c> directive that Roslyn itself would act on.</summary>
    private static bool LoadsCode(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetRoot();
        return root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0;
    }

    private static bool HasReturnValue(Script script, string code)
    {
        if (_hasReturnValue?.Invoke(script, null) is bool known) return known;
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetRoot();
        return root is CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } }] };
    }
}
