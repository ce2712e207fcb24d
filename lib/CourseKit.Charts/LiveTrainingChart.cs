using System.Diagnostics;
using System.Reflection;
using CourseKit.Training;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A loss chart that draws itself while a <see cref="Trainer"/> runs, as d2l's Animator does: shown after the first
/// epoch, then redrawn in place (the display's update, <c>update_display_data</c> in Jupyter) at most once per
/// <see cref="Interval"/>, and always once more when the run ends, so the executed notebook and the site keep the
/// whole run. Give it the notebook's <c>display</c> function:
/// <code>trainer.Observer = new LiveTrainingChart(display, "MLP on digits");</code>
/// </summary>
public sealed class LiveTrainingChart : ITrainingObserver
{
    /// <summary>The default shortest time between two redraws: fast loops do not flood the front end.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly Func<object?, string[], object> _display;
    private readonly string _title;
    private readonly bool _logY;
    private readonly List<double> _train = [];
    private readonly List<double> _validation = [];
    private readonly Stopwatch _sinceRedraw = new();
    private object? _handle;
    private bool _behind;

    /// <summary>Creates the chart; nothing is shown before the first epoch ends.</summary>
    /// <param name="display">The notebook's <c>display(value, mimeTypes)</c>: it shows a value and returns a handle with <c>Update(object)</c>.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="logY">A logarithmic loss axis.</param>
    /// <param name="interval">Shortest time between redraws (default <see cref="DefaultInterval"/>; zero redraws every epoch).</param>
    public LiveTrainingChart(Func<object?, string[], object> display, string title = "Training", bool logY = false, TimeSpan? interval = null)
    {
        _display = display ?? throw new ArgumentNullException(nameof(display));
        _title = title;
        _logY = logY;
        Interval = interval ?? DefaultInterval;
        if (Interval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval between redraws must not be negative.");
    }

    /// <summary>Shortest time between two redraws.</summary>
    public TimeSpan Interval { get; }

    /// <summary>How many times the chart has been drawn (the first display included).</summary>
    public int Draws { get; private set; }

    /// <inheritdoc/>
    public void EpochEnded(EpochRecord epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        _train.Add(epoch.TrainLoss);
        if (epoch.ValidationLoss is { } v) _validation.Add(v);
        if (_handle is null || _sinceRedraw.Elapsed >= Interval) Draw();
        else _behind = true;
    }

    /// <inheritdoc/>
    public void TrainingEnded()
    {
        if (_behind) Draw();
    }

    /// <summary>The chart of the epochs so far.</summary>
    public GenericChart Chart()
    {
        var runs = new List<(string, IReadOnlyList<double>)> { ("training loss", _train.ToArray()) };
        if (_validation.Count > 0) runs.Add(("validation loss", _validation.ToArray()));
        return Charts.LossCurves(runs, logY: _logY, title: _title);
    }

    private void Draw()
    {
        var chart = Chart();
        if (_handle is null) _handle = _display(chart, []);
        else Update(_handle, chart);
        Draws++;
        _behind = false;
        _sinceRedraw.Restart();
    }

    private static void Update(object handle, GenericChart chart)
    {
        var update = handle.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, [typeof(object)])
            ?? throw new InvalidOperationException(
                $"display(...) returned a {handle.GetType().Name}, which has no Update(object) method; pass the notebook's display function");
        update.Invoke(handle, [chart]);
    }
}
