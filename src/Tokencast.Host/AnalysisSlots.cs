using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tokencast.Core;

namespace Tokencast.Host;

/// <summary>
/// Bounds the lever, what-if and sensitivity analyses that run at once in this host to
/// <see cref="HostLimits.MaxConcurrentRuns"/>, and runs each on the thread pool, off the request's thread.
/// The bound is this host's own: runs on the cluster are counted apart, by the run index.
/// </summary>
public sealed partial class AnalysisSlots : IDisposable
{
    private readonly SemaphoreSlim _free;
    private readonly ILogger<AnalysisSlots> _logger;

    /// <summary>Creates <see cref="HostLimits.MaxConcurrentRuns"/> free slots.</summary>
    public AnalysisSlots(HostLimits limits, ILogger<AnalysisSlots> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(logger);
        Limit = limits.MaxConcurrentRuns;
        _free = new SemaphoreSlim(Limit, Limit);
        _logger = logger;
    }

    /// <summary>Maximum number of analyses that run at once.</summary>
    public int Limit { get; }

    /// <summary>Analyses running now.</summary>
    public int Running => Limit - _free.CurrentCount;

    /// <summary>
    /// Takes a slot without waiting. Returns false when every slot is taken, and each true needs one <see cref="Release"/>.
    /// </summary>
    public bool TryTake() => _free.Wait(0);

    /// <summary>Frees a slot taken with <see cref="TryTake"/>.</summary>
    public void Release() => _free.Release();

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool when a slot is free, or returns null when none is.
    /// The returned task ends when the work ends, or earlier when <paramref name="cancellationToken"/> is
    /// cancelled. The slot stays taken until the work itself ends, so that a client that hangs up cannot
    /// start more analyses than the limit.
    /// </summary>
    /// <param name="analysis">Name of the analysis in log entries, such as <c>levers</c>.</param>
    /// <param name="scenario">Scenario file in log entries.</param>
    /// <param name="work">The analysis; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public Task<T>? TryRun<T>(
        string analysis, string scenario, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!TryTake())
        {
            LogRejected(_logger, analysis, scenario, Limit);
            return null;
        }

        var running = Task.Run(() => Run(analysis, scenario, work, cancellationToken), CancellationToken.None);
        return running.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _free.Dispose();

    private T Run<T>(string analysis, string scenario, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogStarted(_logger, analysis, scenario);
            var result = work(cancellationToken);
            LogFinished(_logger, analysis, scenario, clock.Elapsed);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(_logger, analysis, scenario, clock.Elapsed);
            throw;
        }
        catch (InvalidInputException exception)
        {
            // The client's mistake, which the endpoint returns as 400, so no fault of the host.
            LogInvalid(_logger, analysis, scenario, exception.Problems.Count);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(_logger, exception, analysis, scenario);
            throw;
        }
        finally
        {
            Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Analysis} of {Scenario} started")]
    private static partial void LogStarted(ILogger logger, string analysis, string scenario);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Analysis} of {Scenario} finished in {Elapsed}")]
    private static partial void LogFinished(ILogger logger, string analysis, string scenario, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Analysis} of {Scenario} cancelled after {Elapsed}")]
    private static partial void LogCancelled(ILogger logger, string analysis, string scenario, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Analysis {Analysis} of {Scenario} stopped at {Problems} input problems")]
    private static partial void LogInvalid(ILogger logger, string analysis, string scenario, int problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis {Analysis} of {Scenario} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string analysis, string scenario);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Analysis {Analysis} of {Scenario} rejected: {Limit} analyses are running")]
    private static partial void LogRejected(ILogger logger, string analysis, string scenario, int limit);
}
