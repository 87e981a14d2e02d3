using System.Globalization;
using System.Text;

/// <summary>
/// Writes the large reference scenario: 40 features (chat, multi-turn, agent loops, cached prompts,
/// cascades, batch summaries) on four catalog models, 25 cohorts that each use every feature, 24 months,
/// dated events, and growth and stretch branches that change real assumptions.
/// </summary>
internal static class ReferenceScenario
{
    private const int Features = 40;
    private const int Cohorts = 25;

    public static string Yaml()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("name: reference-large");
        yaml.AppendLine("start_month: 2027-01");
        yaml.AppendLine("horizon_months: 24");
        yaml.AppendLine("budget: {monthly_usd: 2500000, total_usd: 50000000}");
        yaml.AppendLine("models: {flagship: claude-sonnet-4-5, small: claude-haiku-4-5, mini: gpt-4.1-mini, nano: gpt-4o-mini}");
        yaml.AppendLine("features:");
        for (var f = 0; f < Features; f++)
        {
            AppendFeature(yaml, f);
        }

        yaml.AppendLine("cohorts:");
        for (var c = 0; c < Cohorts; c++)
        {
            var users = 500 + 800 * c;
            yaml.AppendLine(Invariant($"  - id: cohort-{c:00}"));
            yaml.AppendLine(Invariant($"    users: {users}"));
            yaml.AppendLine(Invariant($"    monthly_growth: {{normal: {{mean: {0.01 + 0.001 * c}, sd: 0.01}}}}"));
            yaml.AppendLine("    features:");
            for (var f = 0; f < Features; f++)
            {
                var launch = f % 8 == 7 ? $", launch: 2027-07-01, ramp_months: 3" : $"";
                var adoption = Invariant($"{{beta: {{alpha: {2 + f % 5}, beta: 6}}}}");
                var tasks = Invariant($"{{triangular: {{min: {2 + f % 7}, mode: {6 + f % 7 + f % 5}, max: {20 + f % 13}}}}}");
                yaml.AppendLine(Invariant(
                    $"      feature-{f:00}: {{adoption: {adoption}, tasks_per_active_user: {tasks}{launch}}}"));
            }
        }

        yaml.AppendLine("events:");
        yaml.AppendLine("  - {date: 2027-01-01, kind: price_trend, model: \"*\", monthly_change: {uniform: {min: -0.03, max: 0.0}}}");
        yaml.AppendLine("  - {date: 2027-06-15, kind: model_swap, feature: feature-03, model: small, token_efficiency: 0.9}");
        yaml.AppendLine("  - {date: 2027-10-01, kind: prompt_change, feature: feature-05, system_prompt_tokens: 3000}");
        yaml.AppendLine("branches:");
        yaml.AppendLine("  baseline: {description: the plan}");
        yaml.AppendLine("  growth:");
        yaml.AppendLine("    description: twice the user growth in the largest ten cohorts");
        yaml.AppendLine("    set:");
        for (var c = Cohorts - 10; c < Cohorts; c++)
        {
            yaml.AppendLine(Invariant($"      cohorts.cohort-{c:00}.monthly_growth: {{normal: {{mean: {0.04 + 0.001 * c}, sd: 0.015}}}}"));
        }

        yaml.AppendLine("  stretch:");
        yaml.AppendLine("    description: longer agent loops and the flagship model for half the chat features");
        yaml.AppendLine("    set:");
        for (var f = 0; f < Features; f += 2)
        {
            yaml.AppendLine(f % 5 == 0
                ? Invariant($"      features.feature-{f:00}.agent.steps: {{poisson: {{mean: 10, min: 1, max: 60}}}}")
                : Invariant($"      features.feature-{f:00}.model: flagship"));
        }

        return yaml.ToString();
    }

    private static void AppendFeature(StringBuilder yaml, int f)
    {
        string[] models = ["small", "mini", "nano", "flagship"];
        yaml.AppendLine(Invariant($"  - id: feature-{f:00}"));
        yaml.AppendLine(Invariant($"    model: {models[f % 4]}"));
        yaml.AppendLine(Invariant($"    system_prompt_tokens: {400 + 50 * f}"));
        yaml.AppendLine(Invariant($"    input_tokens: {{lognormal: {{median: {200 + 20 * f}, p95: {2000 + 200 * f}}}}}"));
        yaml.AppendLine(Invariant($"    output_tokens: {{lognormal: {{median: {150 + 5 * f}, p95: {900 + 20 * f}}}}}"));
        if (f % 5 == 0)
        {
            yaml.AppendLine("    agent:");
            yaml.AppendLine("      steps: {poisson: {mean: 5, min: 1, max: 40}}");
            yaml.AppendLine("      tool_calls_per_step: {poisson: {mean: 1}}");
            yaml.AppendLine("      tool_output_tokens: {lognormal_pareto: {median: 500, p95: 5000, tail_from: 0.95, alpha: 1.6, max: 50000}}");
            yaml.AppendLine("      retry_probability: 0.05");
            yaml.AppendLine("      max_attempts: 3");
            yaml.AppendLine("      tool_cost_usd: 0.001");
            yaml.AppendLine("      human_escalation_probability: 0.01");
            yaml.AppendLine("      human_escalation_cost_usd: 5");
        }
        else if (f % 2 == 1)
        {
            yaml.AppendLine("    conversation: {turns: {geometric: {mean: 3}}}");
        }

        if (f % 3 == 0)
        {
            yaml.AppendLine("    cache: {prefix: system_and_tools, hit_rate: 0.7, write_ttl: 5m}");
        }

        if (f % 10 == 9)
        {
            yaml.AppendLine("    routing: {cascade: {cheap: nano, strong: flagship, escalation_rate: 0.2}}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
