namespace CourseKit.Training;

/// <summary>
/// A copy of the values of a list of parameters, to restore later: the "best weights" of early stopping
/// (the lecture “Optimisation methods and stopping criteria”), the initial weights a learning-rate range test returns to, or frames of an animation.
/// </summary>
public sealed class ParameterSnapshot
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _values;

    private ParameterSnapshot(Parameter[] parameters)
    {
        _parameters = parameters;
        _values = [.. parameters.Select(p => p.Value.Clone())];
    }

    /// <summary>Copies the current values of <paramref name="parameters"/>.</summary>
    public static ParameterSnapshot Take(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new([.. parameters]);
    }

    /// <summary>The parameters the snapshot belongs to.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The saved value of parameter number <paramref name="index"/> (do not modify).</summary>
    public Tensor this[int index] => _values[index];

    /// <summary>Overwrites the snapshot with the parameters' current values (no allocation).</summary>
    public void Update()
    {
        for (int i = 0; i < _values.Length; i++) _values[i].CopyFrom(_parameters[i].Value);
    }

    /// <summary>Writes the saved values back into the parameters.</summary>
    public void Restore()
    {
        for (int i = 0; i < _values.Length; i++) _parameters[i].Value.CopyFrom(_values[i]);
    }

    /// <summary>‖w − w_saved‖, the Euclidean norm of the change of all parameters taken as one vector.</summary>
    public double DistanceFromCurrent()
    {
        double sum = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            var saved = _values[i].Span;
            var now = _parameters[i].Value.Span;
            for (int j = 0; j < saved.Length; j++)
            {
                double d = now[j] - saved[j];
                sum += d * d;
            }
        }
        return Math.Sqrt(sum);
    }
}
