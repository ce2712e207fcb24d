using CourseKit.Notebooks.Execution;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// The compile-time code policy: hostile cells are caught on symbols whatever spelling they use (alias,
/// using static, global::, method group, var, query syntax, ...), each with its rule and line; ordinary
/// course code passes.
/// </summary>
public class CodePolicyAnalyzerTests
{
    /// <summary>Options as the engine compiles cells: its imports, the kit, the kernel helpers, unsafe code accepted by the compiler.</summary>
    private static readonly ScriptOptions _options = ScriptOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithImports(ExecutionSession.DefaultImports)
        .AddReferences(typeof(KernelHelpers).Assembly, typeof(Tensor).Assembly, typeof(IHtmlContent).Assembly)
        .WithAllowUnsafe(true);

    /// <summary>The engine's first submission: the kernel helpers' <c>using static</c> (shared, so its compilation is made once).</summary>
    private static readonly Script<object> _preamble = CSharpScript.Create($"using static {typeof(KernelHelpers).FullName};", _options);

    /// <summary>The cell as the last submission of a chain whose first one brings the kernel helpers in, as in a notebook.</summary>
    private static IReadOnlyList<PolicyViolation> Analyze(string cell, CodePolicy? policy = null)
    {
        var script = _preamble.ContinueWith(cell, _options);
        var compilation = script.GetCompilation();
        return CodePolicyAnalyzer.Analyze(compilation, compilation.SyntaxTrees.Last(), policy ?? CodePolicies.Untrusted);
    }

    private static void AssertCaught(IReadOnlyList<PolicyViolation> violations, string rule, int line, string code) =>
        Assert.True(violations.Any(v => v.Rule == rule && v.Line == line),
            $"expected ({rule}, line {line}) for:\n{code}\ngot: {(violations.Count == 0 ? "nothing" : string.Join(" | ", violations.Select(v => v.Message)))}");

    public static TheoryData<string, string, int> Hostile => new()
    {
        // spellings of a name
        { "using F = System.IO.File;\nvar text = F.ReadAllText(\"/etc/passwd\");", "file system", 2 },
        { "using static System.Environment;\nExit(0);", "ending the process", 2 },
        { "var text = global::System.IO.File.ReadAllText(\"x\");", "file system", 1 },
        { "System.Diagnostics.Process.Start(\"ls\");", "processes", 1 },
        { "var text = System.IO\n    .File\n    .ReadAllText(\"x\");", "file system", 3 },
        { "using System.Reflection;\nvar info = typeof(int).GetTypeInfo();", "reflection", 2 },                 // extension method
        { "Action<int> quit = Environment.Exit;", "ending the process", 1 },                                    // method group
        { "using System.IO;\nvar texts = new[] { \"a\" }.Select(File.ReadAllText).ToList();", "file system", 2 },
        { "var w = new System.IO.StreamWriter(\"out.txt\");", "file system", 1 },                                // object creation
        { "void Run(System.Diagnostics.ProcessStartInfo info) { }\nRun(new(\"ls\"));", "processes", 2 },        // target-typed new
        { "var files = new List<System.IO.FileInfo>();", "file system", 1 },                                    // generic type argument
        { "var none = Enumerable.Empty<System.Diagnostics.Process>();", "processes", 1 },                       // generic method argument
        { "[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]\nstruct Overlay { }", "native interop", 1 },
        { "var sizes = from f in new System.IO.DirectoryInfo(\".\").GetFiles()\n            select f.Length;", "file system", 2 },
        { "Func<string, string> read = path => System.IO.File.ReadAllText(path);", "file system", 1 },          // lambda
        { "string Read(string path)\n{\n    return System.IO.File.ReadAllText(path);\n}", "file system", 3 },    // local function
        { "var method = new Exception().TargetSite;", "reflection", 1 },                                        // var of a returned type
        { "Action nothing = () => { };\nvar target = nothing.Method;", "reflection", 2 },
        { "var home = Environment.GetEnvironmentVariable(\"HOME\");", "environment variables and directories", 1 },
        { "var here = Environment.CurrentDirectory;", "environment variables and directories", 1 },             // getter
        { "Environment.CurrentDirectory = \"/\";", "environment variables and directories", 1 },                // setter
        { "var domain = AppDomain.CurrentDomain;\ndomain.ProcessExit += (s, e) => { };", "reflection", 2 },     // event
        { "object[] box = [System.IO.File.OpenRead(\"x\")];", "file system", 1 },
        { "var t = Type.GetType(\"System.IO.File\");", "reflection", 1 },
        { "var m = typeof(string).GetMethod(\"Trim\", Type.EmptyTypes);", "reflection", 1 },
        { "var o = Activator.CreateInstance(typeof(object));", "reflection", 1 },
        { "var asm = System.Reflection.Assembly.LoadFrom(\"evil.dll\");", "reflection", 1 },
        { "System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(\"/tmp/x.dll\");", "reflection", 1 },
        { "var call = System.Linq.Expressions.Expression.Call(typeof(Type), \"GetType\", null);", "reflection", 1 },
        { "new System.Threading.Thread(() => { while (true) { } }).Start();", "threads", 1 },
        { "System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", "threads", 1 },
        { "var timer = new System.Threading.Timer(_ => { }, null, 0, 10);", "threads", 1 },
        { "_ = Task.Run(() => { while (true) { } });", "threads", 1 },
        { "var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", "native interop", 1 },
        { "var size = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();", "native interop", 1 },
        { "Console.SetOut(new System.IO.StringWriter());", "console input and redirection", 1 },
        { "var input = Console.ReadLine();", "console input and redirection", 1 },
        { "var raw = Console.OpenStandardOutput();", "console input and redirection", 1 },
        { "var session = new CourseKit.Notebooks.Execution.ExecutionSession();", "the notebook engine", 1 },
        { "var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(IntPtr.Zero, true);", "native interop", 1 },
        { "GC.TryStartNoGCRegion(1000);", "runtime internals", 1 },
        { "var stale = System.Buffers.ArrayPool<char>.Shared.Rent(1 << 20);", "runtime internals", 1 },
        { "var path = System.IO.Path.GetTempFileName();", "file system", 1 },
        { "var there = System.IO.Path.Exists(\"/etc/passwd\");", "file system", 1 },
        // language features the analysis cannot see through
        { "dynamic d = 1;\nd.Whatever();", CodePolicyAnalyzer.DynamicRule, 2 },
        { "var items = new List<dynamic>();", CodePolicyAnalyzer.DynamicRule, 1 },
        { "unsafe\n{\n    int x = 1;\n    int* p = &x;\n}", CodePolicyAnalyzer.UnsafeCodeRule, 4 },
        { "unsafe void Poke() { }", CodePolicyAnalyzer.UnsafeCodeRule, 1 },
        { "unsafe\n{\n    var a = new int[1];\n    fixed (int* p = a) { }\n}", CodePolicyAnalyzer.UnsafeCodeRule, 4 },
        { "unsafe\n{\n    var p = stackalloc int[4];\n}", CodePolicyAnalyzer.UnsafeCodeRule, 3 },
        { "unsafe\n{\n    delegate*<int, int> f = null;\n}", CodePolicyAnalyzer.UnsafeCodeRule, 3 },
        { "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", CodePolicyAnalyzer.PlatformInvokeRule, 1 },
        { "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", CodePolicyAnalyzer.PlatformInvokeRule, 2 },
        { "[System.Runtime.InteropServices.LibraryImport(\"libc\")]\nstatic partial int getpid();", CodePolicyAnalyzer.PlatformInvokeRule, 1 },
        { "Console.WriteLine(1);\n#r \"evil.dll\"", CodePolicyAnalyzer.DirectivesRule, 2 },
        { "#load \"evil.csx\"", CodePolicyAnalyzer.DirectivesRule, 1 },
        { "#i \"nuget: https://evil.example/feed\"", CodePolicyAnalyzer.DirectivesRule, 1 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_cell_is_caught_with_its_rule_and_line(string code, string rule, int line) =>
        AssertCaught(Analyze(code), rule, line, code);

    /// <summary>Per-exercise rules on members that are reached without being named: operators, conversions, query clauses, foreach, deconstruction, events.</summary>
    public static TheoryData<string, string, int> ImplicitUses => new()
    {
        { "var a = new CourseKit.Autograd.Value(2);\nvar b = new CourseKit.Autograd.Value(3);\nvar c = a * b;", "CourseKit.Autograd.Value.op_Multiply", 3 },
        { "var a = new CourseKit.Autograd.Value(2);\na *= a;", "CourseKit.Autograd.Value.op_Multiply", 2 },
        { "System.Numerics.BigInteger big = 5;", "System.Numerics.BigInteger.op_Implicit", 1 },
        { "void Take(System.Numerics.BigInteger b) { }\nTake(5);", "System.Numerics.BigInteger.op_Implicit", 2 },
        { "var squares = from x in new[] { 1, 2, 3 }\n              select x * x;", "System.Linq.Enumerable.Select", 2 },
        { "var evens = from x in new[] { 1, 2, 3 }\n            where x % 2 == 0\n            select x;", "System.Linq.Enumerable.Where", 2 },
        { "foreach (var x in new List<int> { 1 }) { }", "System.Collections.Generic.List.GetEnumerator", 1 },
        { "var list = new List<int>\n{\n    1,\n};", "System.Collections.Generic.List.Add", 3 },
        { "var (k, v) = new KeyValuePair<int, int>(1, 2);", "System.Collections.Generic.KeyValuePair.Deconstruct", 1 },
        { "Console.CancelKeyPress += (s, e) => e.Cancel = true;", "System.Console.CancelKeyPress", 1 },
        { "var n = await Task.FromResult(1);", "System.Runtime.CompilerServices.TaskAwaiter.GetResult", 1 },
    };

    [Theory]
    [MemberData(nameof(ImplicitUses))]
    public void A_member_reached_implicitly_is_caught(string code, string forbidden, int line)
    {
        var policy = CodePolicies.Untrusted with { Rules = [.. CodePolicies.Untrusted.Rules, new("exercise rule", [forbidden])] };
        AssertCaught(Analyze(code, policy), "exercise rule", line, code);
    }

    public static TheoryData<string, int> ReservedDeclarations => new()
    {
        { "class Check { }", 1 },
        { "var x = 1;\nvoid Check() { }", 2 },
        { "var Check = 1;", 1 },
        { "{\n    void Check() { }\n}", 2 },
        { "int Check => 1;", 1 },
        { "int.TryParse(\"1\", out var Check);", 1 },
        { "var (Check, other) = (1, 2);", 1 },
        { "record Check(int X);", 1 },
        { "static class Fake\n{\n    public static void Check() { }\n}", 3 },
        { "using Check = System.Math;", 1 },
        { "int @Check = 1;", 1 },
    };

    [Theory]
    [MemberData(nameof(ReservedDeclarations))]
    public void A_declaration_of_a_reserved_name_is_caught(string code, int line)
    {
        var violation = Assert.Single(Analyze(code, CodePolicies.Untrusted with { ReservedNames = ["Check"] }));
        Assert.Equal(new PolicyViolation(CodePolicyAnalyzer.ReservedNameRule, line, $"line {line}: declares Check, a name the tests call; rename it"), violation);
    }

    public static TheoryData<string> Clean => new()
    {
        "var xs = Enumerable.Range(1, 10).Select(i => Math.Sqrt(i)).ToList();\nConsole.WriteLine($\"{xs.Sum():F3}\");",
        "var squares = from x in Enumerable.Range(0, 5) where x % 2 == 0 select x * x;\ndisplay(squares.ToArray());",
        "var sb = new StringBuilder();\nsb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, \"{0:0.00}\", Math.PI);\nConsole.Out.WriteLine(sb.ToString() + Environment.NewLine);",
        "class Helper\n{\n    public static double Square(double x) => x * x;\n}\nvar y = Helper.Square(3);",
        "record Point(double X, double Y);\nvar p = new Point(1, 2) with { X = 3 };\nvar (a, b) = p;",
        "var t = CourseKit.Tensor.Zeros(2, 3);\nvar s = (t + 1).Sum();\nvar shape = t.ShapeString;",
        "var rng = new Random(42);\nvar n = rng.NextDouble() * Environment.ProcessorCount;",
        "Span<int> s = stackalloc int[4];\ns[0] = 1;",
        "using System.IO;\nvar r = new StringReader(\"a\\nb\");\nvar line = r.ReadLine();\nvar w = new StringWriter();\nw.Write(line);\nvar path = Path.Combine(\"a\", \"b\");",
        "var ms = new System.IO.MemoryStream();\nvar writer = new System.IO.BinaryWriter(ms);\nwriter.Write(1.5);\nms.Position = 0;",
        "var name = 3.GetType().Name;\nvar full = typeof(List<int>).FullName;\nvar same = typeof(int) == 3.GetType();",
        "display(HTML(\"<b>hi</b>\")).Update(\"bye\");",
        "async Task<int> Later() { await Task.Delay(1); return 1; }\nvar v = await Later();",
        "var dict = new Dictionary<string, int> { [\"a\"] = 1 };\nforeach (var (k, v) in dict) Console.WriteLine(k + v);",
        "using static System.Environment;\nvar nl = NewLine;",
        "var lines = new[] { 1.0, 2.0 }.Aggregate(0.0, (acc, x) => acc + x * x);\nvar clock = System.Diagnostics.Stopwatch.StartNew();",
        "var g = CourseKit.Checking.GradientCheck.Check(x => x * x, x => 2 * x, 3.0);",
        InterruptRewriter.Rewrite("for (var i = 0; i < 3; i++) { }\nvoid F() { }"),
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public void Ordinary_course_code_passes(string code)
    {
        var violations = Analyze(code);
        Assert.True(violations.Count == 0, $"unexpected: {string.Join(" | ", violations.Select(v => v.Message))}");
    }

    [Fact]
    public void The_message_names_the_line_the_symbol_and_the_rule_once_per_line()
    {
        var violations = Analyze("using F = System.IO.File;\nvar ok = 1;\nvar text = F.ReadAllText(\"a\") + F.ReadAllText(\"b\");");
        Assert.Equal([new PolicyViolation("file system", 3, "line 3: System.IO.File.ReadAllText is not allowed (file system)")], violations);
    }

    [Theory]
    [InlineData("var asm = typeof(int).Assembly;", "line 1: System.Type.Assembly is not allowed (reflection)")]
    [InlineData("var w = new System.IO.StreamWriter(\"out.txt\");", "line 1: System.IO.StreamWriter is not allowed (file system)")]
    [InlineData("var p = System.Diagnostics.Process.GetCurrentProcess();", "line 1: System.Diagnostics.Process.GetCurrentProcess is not allowed (processes)")]
    public void A_line_names_the_member_it_uses_rather_than_a_type_it_mentions(string code, string message) =>
        Assert.Equal(message, Assert.Single(Analyze(code)).Message);

    [Fact]
    public void Violations_come_in_line_order_one_per_rule_and_line()
    {
        var violations = Analyze("var here = Environment.CurrentDirectory; Environment.Exit(1);\nvar f = System.IO.File.Exists(here);");
        Assert.Equal(
        [
            ("environment variables and directories", 1, "line 1: System.Environment.CurrentDirectory is not allowed (environment variables and directories)"),
            ("ending the process", 1, "line 1: System.Environment.Exit is not allowed (ending the process)"),
            ("file system", 2, "line 2: System.IO.File.Exists is not allowed (file system)"),
        ], violations.Select(v => (v.Rule, v.Line, v.Message)));
    }

    [Fact]
    public void An_exercise_rule_forbids_a_kit_class_with_its_own_name()
    {
        var policy = CodePolicies.Untrusted with
        {
            Rules = [.. CodePolicies.Untrusted.Rules, new("implement Adam's step yourself", ["CourseKit.Optimisers.Adam"])],
        };
        var code = "var w = new CourseKit.Parameter(\"w\", CourseKit.Tensor.Zeros(2));\nvar sgd = new CourseKit.Optimisers.GradientDescent([w], 0.1);\nvar adam = new CourseKit.Optimisers.Adam([w]);";
        var violation = Assert.Single(Analyze(code, policy));
        Assert.Equal(new PolicyViolation("implement Adam's step yourself", 3,
            "line 3: CourseKit.Optimisers.Adam is not allowed (implement Adam's step yourself)"), violation);
    }

    [Fact]
    public void The_most_specific_entry_decides_between_a_rule_and_an_allowance()
    {
        var policy = CodePolicies.Untrusted with { Allowed = [.. CodePolicies.Untrusted.Allowed, "System.IO.File.Exists"] };
        var violations = Analyze("var there = System.IO.File.Exists(\"a\");\nvar text = System.IO.File.ReadAllText(\"a\");", policy);
        Assert.Equal([("file system", 2)], violations.Select(v => (v.Rule, v.Line)));
    }

    [Fact]
    public void An_entry_ending_in_a_dot_forbids_the_members_but_not_the_type()
    {
        var policy = new CodePolicy { Rules = [new("no conversions", ["System.Convert."])] };
        Assert.Empty(Analyze("Type t = typeof(System.Convert);", policy));
        Assert.Equal([("no conversions", 1)], Analyze("var n = System.Convert.ToInt32(\"1\");", policy).Select(v => (v.Rule, v.Line)));
    }

    [Fact]
    public void A_prefix_matches_only_at_a_dot()
    {
        var policy = new CodePolicy { Rules = [new("no Math", ["System.Math"])] };
        Assert.Empty(Analyze("var x = MathF.Sqrt(2f);", policy));
        Assert.Single(Analyze("var x = Math.Sqrt(2);", policy));
    }

    [Fact]
    public void Directives_pass_when_the_policy_allows_them()
    {
        var violations = Analyze("#r \"evil.dll\"\nConsole.WriteLine(1);", CodePolicies.Untrusted with { AllowDirectives = true });
        Assert.Empty(violations);
    }

    [Fact]
    public void A_blank_entry_is_refused_naming_its_rule()
    {
        var policy = new CodePolicy { Rules = [new("broken", ["System.IO", " "])] };
        var e = Assert.Throws<ArgumentException>(() => Analyze("var x = 1;", policy));
        Assert.Contains("rule 'broken'", e.Message);
    }

    [Fact]
    public void A_tree_from_another_compilation_is_refused()
    {
        var compilation = CSharpScript.Create("var x = 1;", _options).GetCompilation();
        var other = CSharpSyntaxTree.ParseText("var y = 2;", new CSharpParseOptions(kind: SourceCodeKind.Script));
        Assert.Throws<ArgumentException>(() => CodePolicyAnalyzer.Analyze(compilation, other, CodePolicies.Untrusted));
    }

    [Fact]
    public void A_script_is_analysed_on_its_own_submission()
    {
        var script = CSharpScript.Create("var x = 1;", _options).ContinueWith("Environment.Exit(x);", _options);
        Assert.Equal([("ending the process", 1)], CodePolicyAnalyzer.Analyze(script, CodePolicies.Untrusted).Select(v => (v.Rule, v.Line)));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText", "System.IO.File.ReadAllText(\"a\")")]
    [InlineData("System.Collections.Generic.List", "new List<int>()")]
    [InlineData("System.Environment.CurrentDirectory", "Environment.CurrentDirectory")]
    [InlineData("System.Linq.Enumerable.Select", "new[] { 1 }.Select(x => x)")]
    [InlineData("System.Environment.SpecialFolder.Desktop", "Environment.SpecialFolder.Desktop")]
    public void The_qualified_name_has_no_global_arity_or_parameters(string expected, string expression)
    {
        var compilation = CSharpScript.Create(expression, _options).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var node = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax>().Single().Expression;
        var symbol = model.GetSymbolInfo(node).Symbol!;
        Assert.Equal(expected, CodePolicyAnalyzer.QualifiedName(symbol));
    }
}
