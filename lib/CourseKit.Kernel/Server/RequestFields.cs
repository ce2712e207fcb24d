using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Server;

/// <summary>
/// Typed reads of a request's content fields: a field that is present with the wrong JSON type is a
/// <see cref="InvalidRequestException"/> naming the field and the type expected, so that a malformed
/// request gets an error reply instead of killing a thread or leaving the client waiting.
/// </summary>
internal static class RequestFields
{
    public static string String(JsonObject content, string field, string? fallback = null) =>
        content[field] switch
        {
            null when fallback is not null => fallback,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw new InvalidRequestException(field, "a string"),
        };

    public static bool Bool(JsonObject content, string field, bool fallback) =>
        content[field] switch
        {
            null => fallback,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new InvalidRequestException(field, "true or false"),
        };

    public static int Int(JsonObject content, string field, int fallback) =>
        content[field] switch
        {
            null => fallback,
            JsonValue v when v.TryGetValue<int>(out var i) => i,
            _ => throw new InvalidRequestException(field, "an integer"),
        };
}

/// <summary>A request whose content field has the wrong type; answered with an error reply.</summary>
internal sealed class InvalidRequestException(string field, string expected)
    : Exception($"the request's '{field}' must be {expected}");
