using Tokencast.Core.Forecasting;

namespace Tokencast.Core.History;

/// <summary>
/// What changed between two versions of a forecast: the bands of every branch's total and features, per
/// month and over the horizon, and the inputs.
/// </summary>
/// <param name="Name">The forecast name of the newer version.</param>
/// <param name="OlderNumber">The older version's number.</param>
/// <param name="NewerNumber">The newer version's number.</param>
/// <param name="Bands">
/// One row per branch, series (total first, then features) and month, the horizon last in each series.
/// Branches and features follow the newer version's order, then those only in the older version.
/// </param>
/// <param name="AddedBranches">Branches only in the newer version.</param>
/// <param name="RemovedBranches">Branches only in the older version.</param>
/// <param name="AddedFeatures">Features only in the newer version of a branch that both versions have.</param>
/// <param name="RemovedFeatures">Features only in the older version of a branch that both versions have.</param>
/// <param name="Settings">Run settings that differ.</param>
/// <param name="Files">Input files that differ, in ordinal order of path.</param>
public sealed record VersionDiff(
    string Name,
    int OlderNumber,
    int NewerNumber,
    IReadOnlyList<BandChange> Bands,
    IReadOnlyList<string> AddedBranches,
    IReadOnlyList<string> RemovedBranches,
    IReadOnlyList<BranchFeature> AddedFeatures,
    IReadOnlyList<BranchFeature> RemovedFeatures,
    IReadOnlyList<SettingChange> Settings,
    IReadOnlyList<InputFileChange> Files)
{
    /// <summary>Compares two versions; they need not be of the same forecast or in number order.</summary>
    public static VersionDiff Compare(ForecastVersion older, ForecastVersion newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var olderBranches = older.ReadResult().Branches;
        var newerBranches = newer.ReadResult().Branches;
        var bands = new List<BandChange>();
        var addedFeatures = new List<BranchFeature>();
        var removedFeatures = new List<BranchFeature>();
        foreach (var name in UnionInOrder(newerBranches.Select(b => b.Name), olderBranches.Select(b => b.Name)))
        {
            var olderBranch = olderBranches.FirstOrDefault(b => b.Name == name);
            var newerBranch = newerBranches.FirstOrDefault(b => b.Name == name);
            AddSeries(bands, name, null, olderBranch?.Total, newerBranch?.Total);

            var olderFeatures = olderBranch?.Features ?? [];
            var newerFeatures = newerBranch?.Features ?? [];
            foreach (var feature in UnionInOrder(newerFeatures.Select(f => f.Name), olderFeatures.Select(f => f.Name)))
            {
                var olderSeries = olderFeatures.FirstOrDefault(f => f.Name == feature);
                var newerSeries = newerFeatures.FirstOrDefault(f => f.Name == feature);
                if (olderBranch is not null && newerBranch is not null && olderSeries is null)
                {
                    addedFeatures.Add(new BranchFeature(name, feature));
                }
                else if (olderBranch is not null && newerBranch is not null && newerSeries is null)
                {
                    removedFeatures.Add(new BranchFeature(name, feature));
                }

                AddSeries(bands, name, feature, olderSeries, newerSeries);
            }
        }

        var olderNames = olderBranches.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var newerNames = newerBranches.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        return new VersionDiff(
            newer.Name,
            older.Number,
            newer.Number,
            bands,
            [.. newerBranches.Select(b => b.Name).Where(n => !olderNames.Contains(n))],
            [.. olderBranches.Select(b => b.Name).Where(n => !newerNames.Contains(n))],
            addedFeatures,
            removedFeatures,
            InputDiff.CompareSettings(older, newer),
            InputDiff.CompareFiles(older.Inputs, newer.Inputs));
    }

    /// <summary>Adds a row per month in either version, in month order, then the horizon row.</summary>
    private static void AddSeries(
        List<BandChange> bands, string branch, string? feature, SeriesBands? older, SeriesBands? newer)
    {
        var olderMonths = (older?.Monthly ?? []).ToDictionary(m => m.Month, m => m.Band);
        var newerMonths = (newer?.Monthly ?? []).ToDictionary(m => m.Month, m => m.Band);
        foreach (var month in olderMonths.Keys.Union(newerMonths.Keys).Order())
        {
            bands.Add(Row(branch, feature, month, olderMonths.GetValueOrDefault(month), newerMonths.GetValueOrDefault(month)));
        }

        bands.Add(Row(branch, feature, null, older?.Horizon, newer?.Horizon));
    }

    private static BandChange Row(string branch, string? feature, DateOnly? month, Band? older, Band? newer) =>
        new(
            branch,
            feature,
            month,
            older is null ? DiffStatus.Added : newer is null ? DiffStatus.Removed : DiffStatus.InBoth,
            new StatisticChange(older?.P10, newer?.P10),
            new StatisticChange(older?.P50, newer?.P50),
            new StatisticChange(older?.P90, newer?.P90),
            new StatisticChange(older?.Mean, newer?.Mean));

    private static List<string> UnionInOrder(IEnumerable<string> first, IEnumerable<string> second) =>
        [.. first.Concat(second).Distinct(StringComparer.Ordinal)];
}
