import json, sys
# Writes the contract test notebooks of this folder (run from tests/CourseKit.Notebooks.Tests/notebooks).
def nb(cells):
    out=[]
    for c in cells:
        if isinstance(c,str): c=("code",c,{})
        kind,src,extra=c if len(c)==3 else (c[0],c[1],{})
        lines=src.split("\n"); src_list=[l+"\n" for l in lines[:-1]]+[lines[-1]]
        if kind=="markdown":
            out.append({"cell_type":"markdown","metadata":{},"source":src_list})
        else:
            md={"polyglot_notebook":{"kernelName":extra.get("kernel","csharp")}}
            if "tags" in extra: md["tags"]=extra["tags"]
            if "extra_md" in extra: md.update(extra["extra_md"])
            out.append({"cell_type":"code","execution_count":None,"metadata":md,"outputs":[],"source":src_list})
    return {"cells":out,"metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},
      "language_info":{"name":"polyglot-notebook"},
      "polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}},
      "nbformat":4,"nbformat_minor":2}
def w(name,cells):
    open(name,"w").write(json.dumps(nb(cells),indent=1,sort_keys=True,ensure_ascii=False)+"\n")
w("state.ipynb",[("markdown","# State across cells\n\n$$f = x^2$$",{}),"var x = 20;","x += 1;","x * 2"])
w("declarations.ipynb",[
 "record Point(double X, double Y);\nclass Counter { public int N; public void Inc() => N++; }",
 "static double Norm(this Point p) => Math.Sqrt(p.X * p.X + p.Y * p.Y);",
 "var c = new Counter(); c.Inc(); c.Inc();\nConsole.WriteLine($\"{c.N} {new Point(3, 4).Norm()}\");"])
w("redefine.ipynb",["var x = 1;","var x = \"now a string\";","x.Length"])
w("trailing.ipynb",["\"hello\"","1 + 1","var y = 3;","Console.WriteLine(\"no value\")"])
w("display.ipynb",[
 "display(\"plain text\");\ndisplay(HTML(\"<b>bold</b>\"));\ndisplay(new[] { 1, 2, 3 });",
 "var d = display(\"first\");\nd.Update(\"second\");"])
w("stdout.ipynb",["Console.Write(\"a\");\nConsole.WriteLine(\"b\");\ndisplay(\"between\");\nConsole.WriteLine(\"c\");\nConsole.Error.WriteLine(\"err\");"])
w("async.ipynb",["await Task.Delay(10);\nvar t = await Task.Run(() => 6 * 7);","t"])
w("compile-error.ipynb",["var ok = 1;","int a = 1;\nint b = undefinedName + 1;","var never = 2;"])
w("runtime-error.ipynb",["void Thrower() => throw new InvalidOperationException(\"boom\");","Console.WriteLine(\"before\");\nThrower();","var never = 2;"])
w("raises-exception.ipynb",[("code","throw new ArgumentException(\"expected failure\");",{"tags":["raises-exception"]}),"var after = 1;\nafter"])
w("timeout.ipynb",["System.Threading.Thread.Sleep(600_000);","var never = 1;"])
w("unsupported-kernel.ipynb",["var x = 1;",("code","let y = 2",{"kernel":"fsharp"}),"var z = 3;"])
w("reference-dll.ipynb",["#r \"helper/NotebookHelper.dll\"","NotebookHelper.Greeter.Greet(\"kit\")"])
w("nuget.ipynb",["#r \"nuget: Newtonsoft.Json, 13.0.4\"","Newtonsoft.Json.JsonConvert.SerializeObject(new { a = 1 })"])
w("chart-dataframe.ipynb",[
 "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Plotly.NET.Interactive, 5.0.0\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"",
 "using Plotly.NET.CSharp;\nusing Microsoft.Data.Analysis;",
 "var chart = Chart.Line<double, double, string>(x: new[] { 0.0, 1, 2 }, y: new[] { 0.0, 1, 4 });\ndisplay(chart);",
 "var df = new DataFrame(new PrimitiveDataFrameColumn<int>(\"n\", new[] { 1, 2 }), new StringDataFrameColumn(\"name\", new[] { \"one\", \"two\" }));\ndf"])
w("custom-formatter.ipynb",[
 "using Microsoft.DotNet.Interactive.Formatting;\nrecord Celsius(double Degrees);\nFormatter.Register<Celsius>(c => $\"<span class=\\\"temp\\\">{c.Degrees} °C</span>\", \"text/html\");",
 "new Celsius(21.5)"])
