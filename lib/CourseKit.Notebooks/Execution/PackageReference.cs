namespace CourseKit.Notebooks.Execution;

/// <summary>A <c>#r "nuget: Name, Version"</c> request (Version null or "*" for the latest).</summary>
public sealed record PackageReference(string Name, string? Version)
{
    /// <summary>The package as the notebook wrote it, e.g. "Plotly.NET, 6.0.0".</summary>
    public override string ToString() => Version is null ? Name : $"{Name}, {Version}";
}
