using Tokencast.Core.Inputs;

namespace Tokencast.Core.Tests.Levers;

/// <summary>
/// Tiny scenarios with hand-checkable costs, held in memory with their eval results. Two custom models
/// have round prices and every token count is fixed, so one task always costs the same:
/// <c>big-model</c> at 1 and 2 USD per million input and output tokens costs 1000 x 1e-6 + 500 x 2e-6 =
/// 0.002 USD per task, <c>small-model</c> at 0.1 and 0.4 costs 0.0001 + 0.0002 = 0.0003 USD, and the
/// <c>short</c> variant (200 input tokens) on <c>big-model</c> costs 0.0002 + 0.001 = 0.0012 USD.
/// </summary>
internal static class LeverScenarios
{
    public const string Folder = "/levers-test";

    public const string ScenarioPath = Folder + "/scenario.yaml";

    public const string EvalsPath = Folder + "/evals.csv";

    public const string Header = """
        name: levers-test
        start_month: 2027-01
        horizon_months: 2
        models: {big: big-model, small: small-model}
        prices:
          - {model: big-model, input_per_mtok: 1, output_per_mtok: 2}
          - {model: small-model, input_per_mtok: 0.1, output_per_mtok: 0.4}
        quality: {evals: evals.csv}
        cohorts:
          - id: everyone
            users: 1000
            features:
              chat: {adoption: 1, tasks_per_active_user: 10}

        """;

    /// <summary>A feature on the big tier with a shorter-input variant.</summary>
    public const string TierFeature = """
        features:
          - id: chat
            model: big
            input_tokens: 1000
            output_tokens: 500
            variants:
              short: {input_tokens: 200}
        """;

    /// <summary>A cascade from the small to the big tier at threshold 0.5.</summary>
    public const string CascadeFeature = """
        features:
          - id: chat
            input_tokens: 1000
            output_tokens: 500
            routing:
              cascade: {cheap: small, strong: big, confidence: {beta: {alpha: 5, beta: 2}}, threshold: 0.5}
        """;

    /// <summary>Pass rates of 100 items: big 0.9, small 0.6, the short variant 0.85.</summary>
    public const string AggregateEvals = """
        feature,model,pass_rate,items
        chat,big-model,0.9,100
        chat,small,0.6,100
        chat,short,0.85,100
        """;

    /// <summary>
    /// Four items: the router's confidence is 0.2, 0.4, 0.6 and 0.8, the small model fails the two
    /// least confident items, and the big model passes all four.
    /// </summary>
    public const string ItemEvals = """
        feature,item,model,passed,confidence
        chat,q1,small-model,false,0.2
        chat,q2,small-model,false,0.4
        chat,q3,small-model,true,0.6
        chat,q4,small-model,true,0.8
        chat,q1,big-model,true,
        chat,q2,big-model,true,
        chat,q3,big-model,true,
        chat,q4,big-model,true,
        """;

    public static InMemoryInputFiles Files(string feature, string evals) =>
        new(new Dictionary<string, string>
        {
            [Path.GetFullPath(ScenarioPath)] = Header + feature,
            [Path.GetFullPath(EvalsPath)] = evals,
        });

    public static ScenarioBundle Bundle(string feature, string evals) =>
        ScenarioBundle.Capture(ScenarioPath, files: Files(feature, evals));
}
