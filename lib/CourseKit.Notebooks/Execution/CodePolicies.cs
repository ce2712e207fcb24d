namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The code policies the kit ships. <see cref="Untrusted"/> is what a student's solution cell may use
/// when the grader runs it: nothing that reaches outside the exercise (files, processes, network, other
/// code through reflection, the process itself, the engine).
/// </summary>
/// <remarks>
/// A deny list of what the runtime and the kit's dependencies reach; it cannot name every API that touches
/// the machine, so the grader's process isolation (its own process, temporary directory and HOME, limits)
/// stays the backstop. An exercise adds its own rules on top:
/// <code>CodePolicies.Untrusted with { Rules = [.. CodePolicies.Untrusted.Rules, new("implement Adam's step yourself", ["CourseKit.Optimisers.Adam"])] }</code>
/// Its <see cref="CodePolicy.ReservedNames"/> are the kit's test helpers and the root namespaces; an exercise adds
/// every name its test cells use that the solution cell is not meant to declare.
/// </remarks>
public static class CodePolicies
{
    /// <summary>The default for student code; directives (<c>#r</c>, <c>#i</c>) are refused.</summary>
    public static CodePolicy Untrusted { get; } = new()
    {
        Rules =
        [
            new("file system", [
                "System.IO",                                  // File, Directory, FileStream, StreamReader(path), ... (in-memory types allowed below)
                "System.IO.Path.GetTempFileName", "System.IO.Path.Exists",  // creates a file; probes one
                "CourseKit.Training.ModelFile.Save", "CourseKit.Training.ModelFile.Load",
                "CourseKit.Charts.ChartHtml.Save",
                "Microsoft.Data.Analysis.DataFrame.LoadCsv", "Microsoft.Data.Analysis.DataFrame.SaveCsv",
                "Plotly.NET.CSharp.GenericChartExtensions.SaveHtml",
                "System.Diagnostics.TextWriterTraceListener", "System.Diagnostics.DelimitedListTraceListener",
                "System.Diagnostics.XmlWriterTraceListener", "System.Diagnostics.DefaultTraceListener", "System.Diagnostics.FileVersionInfo",
            ]),
            new("processes", [
                "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo",
                "System.Diagnostics.ProcessModule", "System.Diagnostics.ProcessThread",
                "Plotly.NET.CSharp.GenericChartExtensions.Show",  // starts a browser
            ]),
            new("network", ["System.Net"]),
            new("reflection", [
                "System.Reflection", "System.Type.", "System.Activator", "System.AppDomain", "System.Runtime.Loader",
                "System.Linq.Expressions",                    // Expression.Call(type, "name") binds members by name at run time
                "System.ComponentModel.TypeDescriptor",
                "System.Runtime.CompilerServices.RuntimeHelpers",
                "System.Runtime.CompilerServices.UnsafeAccessorAttribute", "System.Runtime.CompilerServices.UnsafeAccessorTypeAttribute",
                "System.RuntimeTypeHandle", "System.RuntimeMethodHandle", "System.RuntimeFieldHandle", "System.ModuleHandle",
                "System.TypedReference",
                // late binding by name without the dynamic keyword
                "System.Dynamic", "Microsoft.CSharp.RuntimeBinder",
                "System.Runtime.CompilerServices.CallSite", "System.Runtime.CompilerServices.CallSiteBinder",
            ]),
            new("ending the process", [
                "System.Environment.Exit", "System.Environment.FailFast", "System.Diagnostics.Debugger",
            ]),
            new("environment variables and directories", ["System.Environment"]),  // the harmless members are allowed below
            new("threads", [
                "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Timers",
                "System.Threading.Tasks.Task.Run", "System.Threading.Tasks.Task.Start", "System.Threading.Tasks.Task.Factory",
                "System.Threading.Tasks.Task.ContinueWith", "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.Parallel",
            ]),
            new("native interop", ["System.Runtime.InteropServices", "System.Runtime.CompilerServices.Unsafe", "Microsoft.Win32"]),
            new("console input and redirection", [
                "System.Console.SetOut", "System.Console.SetError", "System.Console.SetIn",
                "System.Console.OpenStandardInput", "System.Console.OpenStandardOutput", "System.Console.OpenStandardError",
                "System.Console.In", "System.Console.Read", "System.Console.ReadLine", "System.Console.ReadKey", "System.Console.KeyAvailable",
            ]),
            new("the notebook engine", [
                "CourseKit.Notebooks", "CourseKit.Kernel", "CourseKit.Grading", "CourseKit.Cli", "Microsoft.CodeAnalysis",
            ]),
            new("runtime internals", [
                "System.AppContext", "System.Runtime.GCSettings",
                "System.GC.TryStartNoGCRegion", "System.GC.EndNoGCRegion", "System.GC.RegisterNoGCRegionCallback",
                "System.GC.RegisterForFullGCNotification", "System.GC.CancelFullGCNotification",
                "System.GC.WaitForFullGCApproach", "System.GC.WaitForFullGCComplete",
                "System.GC.AddMemoryPressure", "System.GC.RemoveMemoryPressure", "System.GC.RefreshMemoryLimit",
                // memory that is handed out uninitialised or reused may hold the grader's data (hidden test source)
                "System.GC.AllocateUninitializedArray", "System.Buffers.ArrayPool", "System.Buffers.MemoryPool",
                "System.Runtime.CompilerServices.SkipLocalsInitAttribute",
            ]),
        ],
        Allowed =
        [
            // in-memory text and streams
            "System.IO.StringReader", "System.IO.StringWriter", "System.IO.TextReader", "System.IO.TextWriter",
            "System.IO.MemoryStream", "System.IO.Stream", "System.IO.BinaryReader", "System.IO.BinaryWriter",
            "System.IO.SeekOrigin", "System.IO.Path",
            // a type's name, for messages
            "System.Type.Name", "System.Type.FullName", "System.Type.Namespace", "System.Type.ToString",
            "System.Type.Equals", "System.Type.GetHashCode", "System.Type.op_Equality", "System.Type.op_Inequality",
            "System.Reflection.MemberInfo.Name",
            // facts about the machine a program may print or size its work by
            "System.Environment.NewLine", "System.Environment.ProcessorCount", "System.Environment.TickCount",
            "System.Environment.TickCount64", "System.Environment.CurrentManagedThreadId",
            "System.Environment.Is64BitProcess", "System.Environment.Is64BitOperatingSystem",
            // what notebook cells call through `using static`: display(...), HTML(...), and what they return
            "CourseKit.Notebooks.Execution.KernelHelpers", "CourseKit.Notebooks.Execution.DisplayedValue",
            // the interruption check InterruptRewriter inserts into every loop
            "CourseKit.Notebooks.Execution.CellInterrupt.Check",
        ],
        ReservedNames = ["Expect", "GradientCheck", "CourseKit", "System", "Microsoft"],
        AllowDirectives = false,
    };
}
