namespace CourseKit.Layers;

/// <summary>Where dropout compensates for the dropped neurons (the lecture “Neural networks and back-propagation”, "Dropout"; the lecture “Deep networks”, §4 algorithm 20).</summary>
public enum DropoutScaling
{
    /// <summary>Inverted dropout: kept outputs are divided by p_keep = 1 − p in training; inference is the identity.</summary>
    Inverted,

    /// <summary>The lecture's first form: no scaling in training; at inference every output is multiplied by
    /// p_keep = 1 − p, so its expected value matches training.</summary>
    AtInference,
}
