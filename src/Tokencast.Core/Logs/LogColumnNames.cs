using Tokencast.Core.Usage;

namespace Tokencast.Core.Logs;

/// <summary>
/// Known column names of request logs and the fields they hold. Names are matched without regard
/// to case. A nested name such as <c>response.usage.prompt_tokens</c> that is not known as a whole
/// is matched by dropping leading dot-separated parts, so it is read as <c>prompt_tokens</c>.
/// </summary>
public static class LogColumnNames
{
    private static readonly Dictionary<string, LogField> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["model"] = LogField.Model,
        ["model_name"] = LogField.Model,
        ["gen_ai.request.model"] = LogField.Model,
        ["gen_ai.response.model"] = LogField.Model,

        ["feature"] = LogField.Feature,
        ["app"] = LogField.Feature,
        ["application"] = LogField.Feature,
        ["feature_name"] = LogField.Feature,

        ["cohort"] = LogField.Cohort,
        ["user_cohort"] = LogField.Cohort,
        ["segment"] = LogField.Cohort,

        ["user"] = LogField.User,
        ["user_id"] = LogField.User,
        ["end_user"] = LogField.User,

        ["timestamp"] = LogField.Timestamp,
        ["time"] = LogField.Timestamp,
        ["date"] = LogField.Timestamp,
        ["created_at"] = LogField.Timestamp,
        ["created"] = LogField.Timestamp,
        ["start_time"] = LogField.Timestamp,
        ["starttime"] = LogField.Timestamp,

        ["conversation_id"] = LogField.ConversationId,
        ["session_id"] = LogField.ConversationId,
        ["thread_id"] = LogField.ConversationId,
        ["gen_ai.conversation.id"] = LogField.ConversationId,

        ["task_id"] = LogField.TaskId,
        ["trace_id"] = LogField.TaskId,
        ["run_id"] = LogField.TaskId,
        ["traceid"] = LogField.TaskId,

        ["id"] = LogField.ResponseId,
        ["response_id"] = LogField.ResponseId,
        ["message_id"] = LogField.ResponseId,
        ["request_id"] = LogField.ResponseId,
        ["gen_ai.response.id"] = LogField.ResponseId,

        ["status"] = LogField.Status,
        ["outcome"] = LogField.Status,

        ["service_tier"] = LogField.ServiceTier,
        ["openai.response.service_tier"] = LogField.ServiceTier,
        ["gen_ai.openai.response.service_tier"] = LogField.ServiceTier,

        ["prompt_tokens"] = LogField.InputTokens,
        ["input_tokens"] = LogField.InputTokens,
        ["gen_ai.usage.input_tokens"] = LogField.InputTokens,
        ["gen_ai.usage.prompt_tokens"] = LogField.InputTokens,
        ["contexttokens"] = LogField.InputTokens,
        ["input_length"] = LogField.InputTokens,
        ["prompttokencount"] = LogField.InputTokens,

        ["completion_tokens"] = LogField.OutputTokens,
        ["output_tokens"] = LogField.OutputTokens,
        ["gen_ai.usage.output_tokens"] = LogField.OutputTokens,
        ["gen_ai.usage.completion_tokens"] = LogField.OutputTokens,
        ["generatedtokens"] = LogField.OutputTokens,
        ["output_length"] = LogField.OutputTokens,
        ["candidatestokencount"] = LogField.OutputTokens,

        ["cached_tokens"] = LogField.CacheReadTokens,
        ["cache_read_tokens"] = LogField.CacheReadTokens,
        ["cache_read_input_tokens"] = LogField.CacheReadTokens,
        ["prompt_cache_hit_tokens"] = LogField.CacheReadTokens,
        ["cachedcontenttokencount"] = LogField.CacheReadTokens,
        ["gen_ai.usage.cache_read.input_tokens"] = LogField.CacheReadTokens,
        ["gen_ai.usage.cache_read_input_tokens"] = LogField.CacheReadTokens,

        ["cache_creation_input_tokens"] = LogField.CacheWriteTokens,
        ["cache_write_tokens"] = LogField.CacheWriteTokens,
        ["gen_ai.usage.cache_creation.input_tokens"] = LogField.CacheWriteTokens,
        ["gen_ai.usage.cache_creation_input_tokens"] = LogField.CacheWriteTokens,

        ["cache_creation_5m"] = LogField.CacheWrite5MinutesTokens,
        ["cache_creation_5m_input_tokens"] = LogField.CacheWrite5MinutesTokens,
        ["ephemeral_5m_input_tokens"] = LogField.CacheWrite5MinutesTokens,

        ["cache_creation_1h"] = LogField.CacheWrite1HourTokens,
        ["cache_creation_1h_input_tokens"] = LogField.CacheWrite1HourTokens,
        ["ephemeral_1h_input_tokens"] = LogField.CacheWrite1HourTokens,

        ["reasoning_tokens"] = LogField.ReasoningTokens,
        ["thoughtstokencount"] = LogField.ReasoningTokens,
        ["gen_ai.usage.reasoning.output_tokens"] = LogField.ReasoningTokens,

        ["total_tokens"] = LogField.TotalTokens,
        ["totaltokencount"] = LogField.TotalTokens,
        ["gen_ai.usage.total_tokens"] = LogField.TotalTokens,

        ["hash_ids"] = LogField.PrefixBlockHashes,
    };

    private static readonly Dictionary<string, LogField> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["model"] = LogField.Model,
        ["feature"] = LogField.Feature,
        ["cohort"] = LogField.Cohort,
        ["user"] = LogField.User,
        ["timestamp"] = LogField.Timestamp,
        ["conversation"] = LogField.ConversationId,
        ["task"] = LogField.TaskId,
        ["response_id"] = LogField.ResponseId,
        ["status"] = LogField.Status,
        ["service_tier"] = LogField.ServiceTier,
        ["usage.in"] = LogField.InputTokens,
        ["usage.out"] = LogField.OutputTokens,
        ["usage.cache_read"] = LogField.CacheReadTokens,
        ["usage.cache_write"] = LogField.CacheWriteTokens,
        ["usage.cache_write_5m"] = LogField.CacheWrite5MinutesTokens,
        ["usage.cache_write_1h"] = LogField.CacheWrite1HourTokens,
        ["usage.reasoning"] = LogField.ReasoningTokens,
        ["usage.total"] = LogField.TotalTokens,
        ["hash_ids"] = LogField.PrefixBlockHashes,
    };

    /// <summary>Field names accepted by <see cref="TryParseFieldName"/>, for help text.</summary>
    public static IEnumerable<string> MappableFieldNames => FieldNames.Keys;

    /// <summary>Parses a field name of an explicit column mapping, such as <c>usage.in</c>.</summary>
    public static bool TryParseFieldName(string name, out LogField field) =>
        FieldNames.TryGetValue(name, out field);

    /// <summary>Returns the <c>--map</c> name of a field, such as <c>usage.in</c>.</summary>
    public static string MapNameOf(LogField field) =>
        FieldNames.First(pair => pair.Value == field).Key;

    /// <summary>Describes a field's column in words for messages, such as "input tokens column".</summary>
    public static string Describe(LogField field) => field switch
    {
        LogField.Model => "model column",
        LogField.Feature => "feature column",
        LogField.Cohort => "cohort column",
        LogField.User => "user column",
        LogField.Timestamp => "timestamp column",
        LogField.ConversationId => "conversation id column",
        LogField.TaskId => "task id column",
        LogField.ResponseId => "response id column",
        LogField.Status => "status column",
        LogField.ServiceTier => "service tier column",
        LogField.InputTokens => "input tokens column",
        LogField.OutputTokens => "output tokens column",
        LogField.CacheReadTokens => "cache-read tokens column",
        LogField.CacheWriteTokens => "cache-write tokens column",
        LogField.CacheWrite5MinutesTokens => "5-minute cache-write tokens column",
        LogField.CacheWrite1HourTokens => "1-hour cache-write tokens column",
        LogField.ReasoningTokens => "reasoning tokens column",
        LogField.TotalTokens => "total tokens column",
        LogField.PrefixBlockHashes => "prefix block hashes column",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown log field."),
    };

    /// <summary>
    /// Finds the field a column holds. <paramref name="matchedName"/> is the known name that matched,
    /// which may be a trailing part of the column name.
    /// </summary>
    public static bool TryMatch(string column, out LogField field, out string matchedName)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = column;
        while (true)
        {
            if (Known.TryGetValue(name, out field))
            {
                matchedName = name.ToLowerInvariant();
                return true;
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                matchedName = "";
                return false;
            }

            name = name[(dot + 1)..];
        }
    }

    /// <summary>
    /// Returns the usage convention that a column name belongs to, or null for a name that every
    /// convention uses (such as <c>input_tokens</c>).
    /// </summary>
    internal static UsageConvention? ConventionOf(string column, string matchedName)
    {
        if (matchedName.StartsWith("gen_ai.usage.", StringComparison.Ordinal))
        {
            return UsageConvention.OpenTelemetry;
        }

        switch (matchedName)
        {
            case "prompttokencount" or "candidatestokencount" or "thoughtstokencount"
                or "cachedcontenttokencount" or "totaltokencount":
                return UsageConvention.Gemini;
            case "cache_read_input_tokens" or "cache_creation_input_tokens" or "ephemeral_5m_input_tokens"
                or "ephemeral_1h_input_tokens" or "cache_creation_5m_input_tokens"
                or "cache_creation_1h_input_tokens":
                return UsageConvention.Anthropic;
            case "prompt_tokens" or "completion_tokens" or "prompt_cache_hit_tokens":
                return UsageConvention.OpenAi;
        }

        // OpenAI nests cache and reasoning counts under *_tokens_details.
        return column.Contains("_tokens_details.", StringComparison.OrdinalIgnoreCase)
            ? UsageConvention.OpenAi
            : null;
    }
}
