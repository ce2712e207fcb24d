// Notebook runs change the process's current directory (the notebook's folder, as VS Code does) and
// share Console redirection, so the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
