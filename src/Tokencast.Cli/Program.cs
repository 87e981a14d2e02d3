using System.CommandLine;
using Tokencast.Cli.Commands;
using Tokencast.Core.Calibration;

namespace Tokencast.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Tokencast forecasts LLM inference spend as scenario bands.");
        foreach (var command in CreateCommands())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke();
    }

    private static IEnumerable<Command> CreateCommands()
    {
        yield return CostCommand.Create();
        yield return IngestCommand.Create();
        yield return ValidateCommand.Create();
        yield return ForecastCommand.Create();
        yield return LeversCommand.Create();
        yield return WhatIfCommand.Create();
        yield return HistoryCommand.Create();
        yield return SiloCommand.Create();
        yield return ServeCommand.Create();
        yield return ActualsCommand.Create();
        yield return ReforecastCommand.Create();
        yield return ScheduleCommand.Create();
        yield return CalibrateCommand.Create(RequestLogObservations.Read);
    }
}
