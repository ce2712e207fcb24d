namespace CourseKit.Notebooks.Export;

/// <summary>
/// What the site's index says about the course. Left null, the title and the audience come from the welcome
/// notebook (the one numbered 00: its heading "Welcome to X" gives X, its paragraph labelled <c>**Who it is for:**</c>
/// the audience), else from the defaults here. <see cref="View"/> decides what the pages and copies show of each notebook.
/// </summary>
public sealed record SiteOptions
{
    /// <summary>The title when neither the options nor the welcome notebook give one.</summary>
    public const string DefaultCourseTitle = "Deep learning in C#";

    /// <summary>The audience when neither the options nor the welcome notebook give one.</summary>
    public const string DefaultAudience =
        "For students meeting deep learning for the first time, who want to see each idea derived, checked by running code " +
        "and drawn, and for the instructors who teach from it.";

    /// <summary>
    /// How to start, as markdown: run the notebooks in Jupyter or VS Code with the course's kernel, or read the site.
    /// The commands are the repository README's.
    /// </summary>
    public const string DefaultHowToStart = """
        **Read** the lectures here: every page shows a notebook as it ran, with its outputs and charts.

        **Run and change them** in Jupyter or VS Code with the course's C# kernel. From the repository root, once
        (it builds the kit the notebooks load; a notebook rebuilds it by itself after you pull changes):

        ```sh
        dotnet run --project lib/CourseKit.Cli -c Release -- kernel install --user
        ```

        - **Jupyter**: `jupyter lab notebooks/`, then open a notebook.
        - **VS Code**: install the Jupyter extension, open the repository folder and a notebook, and pick
          "C# (CourseKit)" under *Select Kernel → Jupyter Kernel...* if VS Code does not pick it by itself.

        Start with notebook 00: it checks that the kit works on your machine.
        """;

    /// <summary>The course's title (the index's heading); null: from the welcome notebook, else <see cref="DefaultCourseTitle"/>.</summary>
    public string? CourseTitle { get; init; }

    /// <summary>Who the course is for, as markdown; null: from the welcome notebook, else <see cref="DefaultAudience"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>The "how to start" section of the index, as markdown.</summary>
    public string HowToStart { get; init; } = DefaultHowToStart;

    /// <summary>
    /// What the site publishes of each notebook; <see cref="ISiteView.AsRun"/> (everything as it ran) by default. The
    /// <c>coursekit export</c> command passes the student view, which hides the exercises' solutions and hidden tests.
    /// </summary>
    public ISiteView View { get; init; } = ISiteView.AsRun;
}
