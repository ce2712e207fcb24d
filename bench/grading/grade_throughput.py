"""Grading throughput, the figure of the grading issue: `coursekit grade --jobs 2` over 50 copies of an
exercise notebook, as submissions per minute, and the time per submission against `coursekit run` of the
same notebook (whole-process wall times, same machine, same run).

Usage: /usr/bin/python3 bench/grading/grade_throughput.py [COPIES] [JOBS]
after `dotnet build lib/CourseKit.Cli -c Release`. Needs python3-nbformat. Prints JSON."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time
import nbformat

copies = int(sys.argv[1]) if len(sys.argv) > 1 else 50
jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
coursekit = os.path.join(root, "lib", "CourseKit.Cli", "bin", "Release", "net10.0", "CourseKit.Cli")


def cell(source, grade_id=None, solution=False, grade=False, points=0):
    c = nbformat.v4.new_code_cell(source)
    c.metadata["polyglot_notebook"] = {"kernelName": "csharp"}
    if grade_id:
        c.metadata["nbgrader"] = {"grade_id": grade_id, "solution": solution, "grade": grade, "locked": grade,
                                  "points": points, "schema_version": 3}
    return c


nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}
nb.cells = [
    nbformat.v4.new_markdown_cell("Implement `Relu` and `Mean`."),
    cell("double Relu(double x)\n{\n    // BEGIN SOLUTION\n    return Math.Max(0, x);\n    // END SOLUTION\n}", "relu", solution=True),
    cell('if (Relu(3) != 3) throw new Exception("Relu(3)");\n// BEGIN HIDDEN TESTS\nif (Relu(-2) != 0) throw new Exception("Relu(-2)");\n'
         '// END HIDDEN TESTS', "relu-test", grade=True, points=2),
    cell("double Mean(double[] xs)\n{\n    // BEGIN SOLUTION\n    return xs.Average();\n    // END SOLUTION\n}", "mean", solution=True),
    cell('if (Mean([1, 2, 3]) != 2) throw new Exception("Mean");\n// BEGIN HIDDEN TESTS\nif (Mean([5]) != 5) throw new Exception("Mean one");\n'
         '// END HIDDEN TESTS', "mean-test", grade=True, points=3),
]

work = tempfile.mkdtemp(prefix="coursekit-grade-bench-")
source = os.path.join(work, "sheet.ipynb")
nbformat.write(nb, source)
for i in range(copies):
    os.makedirs(os.path.join(work, "submissions", f"s{i:03}"))
    shutil.copy(source, os.path.join(work, "submissions", f"s{i:03}", "sheet.ipynb"))


def timed(args):
    t0 = time.perf_counter()
    done = subprocess.run([coursekit, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {done.returncode}: {done.stderr}{done.stdout[-2000:]}")
    return time.perf_counter() - t0


runs = [timed(["run", source]) for _ in range(3)]
grades = []
for k in range(2):
    book = os.path.join(work, f"book{k}.db")
    grades.append(timed(["grade", source, "--submissions", os.path.join(work, "submissions"), "--gradebook", book, "--jobs", str(jobs)]))
run_s = statistics.median(runs)
grade_s = min(grades)
print(json.dumps({
    "copies": copies, "jobs": jobs,
    "coursekit_run_s": [round(r, 2) for r in runs],
    "coursekit_grade_s": [round(g, 2) for g in grades],
    "submissions_per_minute": round(copies / grade_s * 60, 1),
    "grade_s_per_submission": round(grade_s / copies, 3),
    "grade_s_per_submission_per_job": round(grade_s * jobs / copies, 3),
    "run_s_median": round(run_s, 2),
}))
shutil.rmtree(work)
