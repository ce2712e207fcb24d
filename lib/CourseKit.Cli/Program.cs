using CourseKit.Cli;
using Spectre.Console;

var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
var parse = Commands.Build(console).Parse(args);
var exit = await parse.InvokeAsync();
// a timed-out cell cannot be aborted; leaving the process ends its thread
Environment.Exit(exit == 1 && parse.Errors.Count > 0 ? 2 : exit);
