using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Tokencast.Core;
using Tokencast.Core.Forecasting;

namespace Tokencast.Grains.Hosting;

/// <summary>
/// Runs a forecast on a cluster and waits for it: starts the run grain, follows its status, and starts it
/// again when the silo it lived on was lost (the run resumes from the blocks the aggregators still hold).
/// </summary>
public sealed partial class ForecastRunner(IGrainFactory grains, ILogger<ForecastRunner>? logger = null)
{
    /// <summary>How long one status call waits for a change before it returns.</summary>
    public static TimeSpan WatchInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls in a row that may fail (a lost silo, a timeout) before the runner gives up.</summary>
    public const int MaxFailuresInRow = 10;

    /// <summary>
    /// Runs <paramref name="definition"/> and returns its forecast. Reports each status change to
    /// <paramref name="progress"/>. Cancelling <paramref name="cancellationToken"/> cancels the run.
    /// </summary>
    /// <exception cref="InvalidInputException">The scenario is invalid; carries every problem found.</exception>
    /// <exception cref="InvalidOperationException">The run failed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<ForecastResult> RunAsync(
        RunDefinition definition, IProgress<RunStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var run = grains.GetGrain<IRunGrain>(definition.ForecastId());
        var status = await Call(() => run.Start(definition), () => run.Start(definition), cancellationToken);
        progress?.Report(status);
        using (cancellationToken.Register(() => _ = run.Cancel()))
        {
            while (!status.IsFinished)
            {
                var known = status.Version;
                status = await Call(() => run.WaitForChange(known, WatchInterval), () => run.Start(definition), cancellationToken);
                progress?.Report(status);
            }
        }

        switch (status.State)
        {
            case RunState.Completed:
                return await run.GetResult() ?? throw new InvalidOperationException($"Run {status.RunId} completed without a result.");
            case RunState.Cancelled:
                throw new OperationCanceledException($"Run {status.RunId} was cancelled.");
            default:
                if (!status.Problems.IsDefaultOrEmpty)
                {
                    throw new InvalidInputException([.. status.Problems]);
                }

                throw new InvalidOperationException($"Run {status.RunId} failed: {status.Error}");
        }
    }

    /// <summary>
    /// Makes a call; when it fails for a reason other than the caller's input, starts the run again (which
    /// resumes it where it is) and goes on, up to <see cref="MaxFailuresInRow"/> times in a row.
    /// </summary>
    private async Task<RunStatus> Call(Func<Task<RunStatus>> call, Func<Task<RunStatus>> resume, CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                return failures == 0 ? await call() : await resume();
            }
            catch (Exception exception) when (IsTransient(exception) && failures < MaxFailuresInRow)
            {
                if (logger is not null)
                {
                    LogRetry(logger, exception, failures + 1);
                }

                // Until the cluster declares a lost silo dead, calls to grains it held fail at once.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, 1 << Math.Min(failures, 3))), cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call to the run failed (failure {Failures} in a row); resuming it")]
    private static partial void LogRetry(ILogger logger, Exception exception, int failures);
}
