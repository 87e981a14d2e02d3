using Microsoft.Extensions.Logging.Abstractions;

namespace Tokencast.Host.Tests;

public sealed class AnalysisSlotsTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryRun_Work_ReturnsResultAndFreesSlot()
    {
        using var slots = new AnalysisSlots(new HostLimits(MaxConcurrentRuns: 1), NullLogger<AnalysisSlots>.Instance);

        var result = await slots.TryRun("test", "scenario.yaml", _ => 42, CancellationToken.None)!;

        Assert.Equal(42, result);
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task TryRun_SlotTaken_ReturnsNull()
    {
        using var slots = new AnalysisSlots(new HostLimits(MaxConcurrentRuns: 1), NullLogger<AnalysisSlots>.Instance);
        using var gate = new ManualResetEventSlim();
        var first = slots.TryRun("test", "scenario.yaml", _ => gate.Wait(s_timeout, CancellationToken.None), CancellationToken.None);

        var second = slots.TryRun("test", "scenario.yaml", _ => true, CancellationToken.None);
        gate.Set();

        Assert.Null(second);
        Assert.True(await first!);
    }

    [Fact]
    public async Task TryRun_WorkHonoursCancellation_FreesTheSlot()
    {
        using var slots = new AnalysisSlots(new HostLimits(MaxConcurrentRuns: 1), NullLogger<AnalysisSlots>.Instance);
        using var started = new ManualResetEventSlim();
        using var request = new CancellationTokenSource();
        using var finished = new ManualResetEventSlim();
        var running = slots.TryRun("test", "scenario.yaml", token =>
        {
            started.Set();
            try
            {
                token.WaitHandle.WaitOne(s_timeout);
                token.ThrowIfCancellationRequested();
                return 1;
            }
            finally
            {
                finished.Set();
            }
        }, request.Token)!;
        started.Wait(s_timeout);

        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(finished.Wait(s_timeout));
        Assert.True(SpinWait.SpinUntil(() => slots.Running == 0, s_timeout));
    }

    [Fact]
    public async Task TryRun_RequestCancelled_KeepsSlotUntilWorkEnds()
    {
        using var slots = new AnalysisSlots(new HostLimits(MaxConcurrentRuns: 1), NullLogger<AnalysisSlots>.Instance);
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        using var request = new CancellationTokenSource();
        var running = slots.TryRun("test", "scenario.yaml", _ =>
        {
            started.Set();
            return gate.Wait(s_timeout, CancellationToken.None);
        }, request.Token)!;
        started.Wait(s_timeout);

        await request.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var runningAfterCancel = slots.Running;
        gate.Set();

        Assert.Equal(1, runningAfterCancel);
        Assert.True(SpinWait.SpinUntil(() => slots.Running == 0, s_timeout));
    }
}
