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
    private PackageRestorer _restorer;
    private readonly HashSet<PackageReference> _packages = new();
    private readonly Dictionary<string, string> _cellLabels = new(StringComparer.Ordinal);
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;
    private string? _brokenBecause;
    private int _executionCount;

    /// <summary>Creates a session; nothing is compiled until the first cell (or <see cref="WarmUpAsync"/>).</summary>
    public ExecutionSession(ExecutionOptions? options = null)
    {
        _options = options ?? new ExecutionOptions();
        _restorer = new PackageRestorer(_options.PackageCacheDirectory);
        ConsoleRouter.Install();
        FormatterPlugins.EnsureRegistered();
        var folder = Path.GetFullPath(_options.WorkingDirectory);
        _scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(typeof(KernelHelpers).Assembly, typeof(Formatter).Assembly, typeof(IHtmlContent).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>Each output as it is produced (stream chunks unmerged; display updates flagged).</summary>
    public event EventHandler<OutputEventArgs>? OutputProduced;

    /// <summary>How many cells have been submitted.</summary>
    public int ExecutionCount => _executionCount;

    /// <summary>The script state after the last cell (for completion and inspection by the kernel); null before the first.</summary>
    public ScriptState<object>? State => _state;

    /// <summary>Why the session accepts no more cells (a cell timed out or was cancelled), or null.</summary>
    public string? BrokenBecause => _brokenBecause;

    /// <summary>Packages loaded with <c>#r "nuget:"</c> so far.</summary>
    public IReadOnlyCollection<PackageReference> Packages => _packages;

    /// <summary>
    /// Gives a session that has not run a cell yet its real options (a worker warms a session up before it
    /// knows which notebook it will run; the hidden first submission resolves nothing, so it stays valid).
    /// </summary>
    /// <exception cref="InvalidOperationException">A cell has run already.</exception>
    public void Configure(ExecutionOptions options)
    {
        if (_executionCount > 0) throw new InvalidOperationException("the session has run cells already; expected a fresh session to configure");
        _options = options;
        _restorer = new PackageRestorer(options.PackageCacheDirectory);
        var folder = Path.GetFullPath(options.WorkingDirectory);
        _scriptOptions = _scriptOptions
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
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
    /// <param name="cancellationToken">Cancels (interrupts) the cell.</param>
    /// <param name="policy">What the cell's code may use, checked before it runs (the grader's); null for no restriction.</param>
    public async Task<CellExecutionResult> ExecuteAsync(string code, string? cellLabel = null, CancellationToken cancellationToken = default, CodePolicy? policy = null)
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
        if (_brokenBecause is not null)
            return Fail(cell, CellStatus.Unsupported, $"the session cannot run {label}: {_brokenBecause}; restart the session", label);

        var directives = CellDirectives.Parse(code);
        if (directives.KernelOverride is { } kernel && !KernelLanguages.IsCSharp(kernel))
            return Fail(cell, CellStatus.Unsupported, $"{label} is in the kernel language '{kernel}'; only C# cells are supported", label);
        if (directives.Unsupported is { } magic)
            return Fail(cell, CellStatus.Unsupported, $"{label}, line {magic.Line}: the magic command '{magic.Text}' is not supported; only #r and #i directives are", label);
        if (policy is { AllowDirectives: false } && (directives.Packages.Count > 0 || directives.Sources.Count > 0 || LoadsCode(code)))
            return Fail(cell, CellStatus.PolicyViolation, $"{label}: #r and #i directives are not allowed in this cell (loading code)", label);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.CellTimeout);
        try
        {
            await WarmUpAsync().ConfigureAwait(false);
            if (directives.Packages.Count > 0)
                await LoadPackagesAsync(directives.Packages, directives.Sources, limit.Token).ConfigureAwait(false);
            foreach (var reference in ProjectBuild.ReferencedFiles(directives.Code))
            {
                var path = Path.GetFullPath(Path.Combine(_options.WorkingDirectory, reference));
                if (await ProjectBuild.EnsureAsync(path, text => cell.Write("stderr", text), limit.Token).ConfigureAwait(false) is { } problem)
                    return Fail(cell, CellStatus.CompileError, $"{label}: {problem}", label);
            }
        }
        catch (PackageRestoreException e)
        {
            return Fail(cell, CellStatus.Unsupported, e.Message, label);
        }
        catch (OperationCanceledException)
        {
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }

        var fileName = $"{label.Replace(' ', '-')}.csx";
        _cellLabels[fileName] = label;
        var options = _scriptOptions.WithFilePath(Path.Combine(Path.GetFullPath(_options.WorkingDirectory), fileName));
        var previous = _state!;
        if (policy is not null)
        {
            options = options.WithAllowUnsafe(false);
            // checked on the cell as written (lifted directive lines are blank, so lines are the student's)
            if (CodePolicyAnalyzer.Analyze(previous.Script.ContinueWith(directives.Code, options), policy) is [_, ..] violations)
            {
                var lines = violations.Select(v => $"{label}, {v.Message}").ToArray();
                cell.Fail(new ErrorOutput("Error", $"PolicyViolation: {lines[0]}", [.. lines]));
                return CellStatus.PolicyViolation;
            }
        }
        var compiled = _options.InterruptibleCells ? InterruptRewriter.Rewrite(directives.Code) : directives.Code;
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
            cell.Fail(CompileError(OriginalDiagnostics(previous, directives.Code, compiled, options) ?? e.Diagnostics, label));
            return CellStatus.CompileError;
        }
        catch (OperationCanceledException)
        {
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }

        if (finished != run || (state.Exception is OperationCanceledException && limit.IsCancellationRequested))
        {
            _state = state; // the cell stopped (at an interrupt check, or by itself): the session goes on from where it stopped
            return Interrupted(cell, label, cancellationToken.IsCancellationRequested);
        }
        _state = state;
        if (state.Exception is { } exception)
        {
            cell.Fail(RuntimeError(exception, label));
            return CellStatus.RuntimeError;
        }
        if (HasReturnValue(state.Script, directives.Code))
            cell.Display(ValueFormatter.Format(state.ReturnValue), result: true);
        return CellStatus.Succeeded;
    }

    /// <summary>The diagnostics of the cell as written when the compiled code was its interruptible rewrite (columns then match the cell).</summary>
    private static IEnumerable<Diagnostic>? OriginalDiagnostics(ScriptState<object> previous, string original, string compiled, ScriptOptions options)
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
        var value = type is null ? message : $"{type}: {message}";
        cell.Fail(new ErrorOutput("Error", value, [value, $"   at {label}"]));
        return status;
    }

    /// <summary>Loads packages: kernel extensions are emulated, packages the host already carries are shared, others restored.</summary>
    private async Task LoadPackagesAsync(IReadOnlyList<PackageReference> requested, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var toRestore = new List<PackageReference>();
        foreach (var p in requested)
        {
            if (!_packages.Add(p)) continue;
            if (p.Name.Equals("Plotly.NET.Interactive", StringComparison.OrdinalIgnoreCase))
            {
                // the kernel extension is emulated; the chart library itself comes from the host
                PlotlyFormatter.Register();
                _scriptOptions = _scriptOptions.AddReferences(typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly);
                continue;
            }
            if (p.Name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase))
                continue; // the kernel's own packages: their formatting part is the host's
            toRestore.Add(p);
        }
        if (toRestore.Count == 0) return;
        var paths = await _restorer.RestoreAsync(toRestore, sources, cancellationToken).ConfigureAwait(false);
        var references = new List<MetadataReference>();
        var hostAssemblies = new List<Assembly>();
        foreach (var path in paths)
        {
            if (HostAssembly(path) is { } host) hostAssemblies.Add(host);
            else references.Add(MetadataReference.CreateFromFile(path));
        }
        _scriptOptions = _scriptOptions.AddReferences(hostAssemblies).AddReferences(references);
    }

    /// <summary>
    /// The host's own copy of a package assembly (Plotly.NET, Microsoft.Data.Analysis, FSharp.Core, ...),
    /// so that a notebook's chart or data frame is the type the host's formatters know; null when the host does not carry it.
    /// </summary>
    private static Assembly? HostAssembly(string path)
    {
        AssemblyName name;
        try { name = AssemblyName.GetAssemblyName(path); }
        catch (BadImageFormatException) { return null; }
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded;
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var fileName = Path.DirectorySeparatorChar + name.Name + ".dll";
        if (!tpa.Split(Path.PathSeparator).Any(p => p.EndsWith(fileName, StringComparison.OrdinalIgnoreCase))) return null;
        try { return Assembly.Load(new AssemblyName(name.Name!)); }
        catch (IOException) { return null; }
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

    private static ErrorOutput CompileError(IEnumerable<Diagnostic> diagnostics, string label)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var lines = errors.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return ($"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage()}",
                $"{label}, line {span.StartLinePosition.Line + 1}: error {d.Id}: {d.GetMessage()}");
        }).ToArray();
        return new ErrorOutput("Error", string.Join("\n", lines.Select(l => l.Item1)), lines.Select(l => l.Item2).ToArray());
    }

    private ErrorOutput RuntimeError(Exception exception, string label)
    {
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        var head = $"{exception.GetType().FullName}: {exception.Message}";
        var traceback = new List<string> { head };
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var others = 0;
        foreach (var frame in frames)
        {
            var file = frame.GetFileName();
            if (file is not null && _cellLabels.TryGetValue(Path.GetFileName(file), out var cellName))
            {
                traceback.Add($"   at {cellName}, line {frame.GetFileLineNumber()}");
            }
            else if (frame.GetMethod() is { } method && others++ < 8 && method.DeclaringType?.Assembly.IsDynamic != true)
            {
                traceback.Add($"   at {method.DeclaringType?.FullName}.{method.Name}");
            }
        }
        if (!traceback.Skip(1).Any(l => l.StartsWith("   at cell", StringComparison.Ordinal) || l.StartsWith($"   at {label}", StringComparison.Ordinal)))
            traceback.Add($"   at {label}");
        return new ErrorOutput("Error", head, traceback);
    }
}
