using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Planning;

/// <summary>Scenario texts and compile shortcuts shared by the compiler tests.</summary>
internal static class CompilerScenarios
{
    /// <summary>
    /// The first four lines of every test scenario: a 12-month horizon from January 2027 and two tiers
    /// from the bundled catalog. Line 5 is the first line a test appends.
    /// </summary>
    public const string Header = """
        name: compile-test
        start_month: 2027-01
        horizon_months: 12
        models: {small: claude-haiku-4-5, flagship: claude-sonnet-4-5}

        """;

    /// <summary>A feature <c>chat</c> on the <c>small</c> tier with fixed token counts.</summary>
    public const string ChatFeature = """
        features:
          - id: chat
            model: small
            input_tokens: 400
            output_tokens: 200

        """;

    public static ScenarioDocument Read(string body) =>
        ScenarioReader.Read(Header + body, "test.yaml", AppContext.BaseDirectory);

    public static SimulationPlan Compile(string body, params string[] branchNames) =>
        ScenarioCompiler.Compile(Read(body), branchNames);

    /// <summary>Compiles the base branch and returns its only feature.</summary>
    public static FeaturePlan CompileFeature(string body) =>
        Assert.Single(Assert.Single(Compile(body).Branches).Features);

    /// <summary>Compiles text that must be rejected and returns its problems.</summary>
    public static IReadOnlyList<InputProblem> Problems(string body, params string[] branchNames) =>
        Assert.Throws<InvalidInputException>(() => Compile(body, branchNames)).Problems;

    /// <summary>Returns the base price tier of the model a regime calls.</summary>
    public static CallPriceTier BaseTier(TaskRegime regime) => regime.Model.Model.Prices.Tiers[0];
}
