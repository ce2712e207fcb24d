using CourseKit.Cli;
using Spectre.Console;

var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
var parse = Commands.Build(console).Parse(args);
var exit = await parse.InvokeAsync();
return exit == 1 && parse.Errors.Count > 0 ? 2 : exit;
