namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Decides which rule of a <see cref="CodePolicy"/>, if any, forbids a fully-qualified name: the longest
/// rule entry covering the name, unless an <see cref="CodePolicy.Allowed"/> entry at least as long covers it
/// too (see <see cref="CodePolicy"/> for what "covers" means).
/// </summary>
internal sealed class PolicyMatcher
{
    private const string GlobalPrefix = "global::";

    private readonly (string Entry, PolicyRule Rule)[] _forbidden;
    private readonly string[] _allowed;
    private readonly Dictionary<string, PolicyRule?> _decided = new(StringComparer.Ordinal);

    /// <summary>Reads the policy's entries; an empty or blank entry is an <see cref="ArgumentException"/> naming its rule.</summary>
    public PolicyMatcher(CodePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _forbidden = [.. policy.Rules.SelectMany(rule => rule.Symbols.Select(entry => (Normalised(entry, $"rule '{rule.Name}'", nameof(policy)), rule)))];
        _allowed = [.. policy.Allowed.Select(entry => Normalised(entry, "the allowed list", nameof(policy)))];
    }

    /// <summary>The rule that forbids <paramref name="qualifiedName"/>, or null when it is allowed.</summary>
    public PolicyRule? RuleFor(string qualifiedName)
    {
        if (_decided.TryGetValue(qualifiedName, out var decided)) return decided;
        PolicyRule? rule = null;
        var ruleLength = -1;
        foreach (var (entry, candidate) in _forbidden)
        {
            if (entry.Length > ruleLength && Covers(entry, qualifiedName))
                (rule, ruleLength) = (candidate, entry.Length);
        }
        if (rule is not null && _allowed.Any(entry => entry.Length >= ruleLength && Covers(entry, qualifiedName)))
            rule = null;
        return _decided[qualifiedName] = rule;
    }

    /// <summary>Whether <paramref name="entry"/> names <paramref name="name"/> or something that contains it.</summary>
    public static bool Covers(string entry, string name) =>
        name.StartsWith(entry, StringComparison.Ordinal)
        && (entry.EndsWith('.') || name.Length == entry.Length || name[entry.Length] == '.');

    private static string Normalised(string entry, string where, string paramName)
    {
        var trimmed = entry?.Trim() ?? "";
        if (trimmed.StartsWith(GlobalPrefix, StringComparison.Ordinal)) trimmed = trimmed[GlobalPrefix.Length..];
        if (trimmed.Length == 0 || trimmed == "." || trimmed.Any(char.IsWhiteSpace))
            throw new ArgumentException(
                $"The code policy's {where} has the entry '{entry}'; expected a fully-qualified namespace, type or member such as System.IO.File.",
                paramName);
        return trimmed;
    }
}
