// Notebook runs change the process's current directory and share Console redirection, so the tests of
// this assembly run one at a time (as in CourseKit.Notebooks.Tests).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
