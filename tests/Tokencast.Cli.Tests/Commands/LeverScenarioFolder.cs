namespace Tokencast.Cli.Tests.Commands;

/// <summary>
/// A temporary folder with a scenario of one feature and its eval results. Token counts are fixed and the
/// two custom models have round prices, so one task costs 1000 x 1e-6 + 500 x 2e-6 = 0.002 USD on
/// big-model, 1000 x 1e-7 + 500 x 4e-7 = 0.0003 USD on small-model, and 0.0012 USD with the short variant
/// (200 input tokens) on big-model.
/// </summary>
internal sealed class LeverScenarioFolder : IDisposable
{
    private const string Scenario = """
        name: levers-cli
        start_month: 2027-01
        horizon_months: 2
        seed: 5
        trials: 200
        models: {big: big-model, small: small-model}
        prices:
          - {model: big-model, input_per_mtok: 1, output_per_mtok: 2}
          - {model: small-model, input_per_mtok: 0.1, output_per_mtok: 0.4}
        quality: {evals: evals.csv}
        features:
          - id: chat
            model: big
            input_tokens: 1000
            output_tokens: 500
            variants:
              short: {input_tokens: 200}
        cohorts:
          - id: everyone
            users: 1000
            features:
              chat: {adoption: 1, tasks_per_active_user: 10}
        """;

    private const string Evals = """
        feature,model,pass_rate,items
        chat,big-model,0.9,100
        chat,small-model,0.6,100
        chat,short,0.85,100
        """;

    public LeverScenarioFolder()
    {
        Root = Directory.CreateTempSubdirectory("tokencast-levers-").FullName;
        ScenarioPath = Path.Combine(Root, "scenario.yaml");
        File.WriteAllText(ScenarioPath, Scenario);
        File.WriteAllText(Path.Combine(Root, "evals.csv"), Evals);
    }

    public string Root { get; }

    public string ScenarioPath { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static (int ExitCode, string Output, string Error) Run(
        Func<string[], TextWriter, TextWriter, int> invoke, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
