using System.CommandLine;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;

namespace Tokencast.Cli.Commands;

/// <summary>The <c>tokencast validate FILE</c> command: checks a scenario file and summarises it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file to check (YAML or JSON)." };
        var command = new Command("validate", "Check a scenario file and list every problem in it.");
        command.Arguments.Add(file);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>
    /// Checks the file and its models against the price catalog. Prints a one-line summary and exits 0
    /// for a valid file; prints every problem on
    /// <paramref name="error"/> and exits 1 otherwise. Warnings go to <paramref name="error"/> in both cases.
    /// </summary>
    public static int Run(string path, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var document = ScenarioReader.ReadFile(path, CatalogCheck.UnknownModels);
                foreach (var warning in document.Warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                // Compiling every branch checks what the file alone cannot: that each model is in the
                // catalog and has every price the feature needs on every date of the horizon.
                ScenarioCompiler.Compile(document);

                output.WriteLine(Summarise(path, document));
                return CommandRunner.Success;
            },
            error);

    public static string Summarise(string path, ScenarioDocument document)
    {
        var scenario = document.Base;
        var branches = string.Join(", ", document.Branches.Select(b => b.Name));
        return $"{path}: valid ({scenario.Features.Count} features, {scenario.Cohorts.Count} cohorts, "
            + $"{scenario.Events.Count} events, branches: {branches})";
    }
}
