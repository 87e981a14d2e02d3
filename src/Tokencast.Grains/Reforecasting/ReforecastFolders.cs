using Tokencast.Core.Actuals;
using Tokencast.Core.History;

namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// Where a silo's scheduled reforecasts read actuals and store versions. A schedule grain may activate on
/// any silo, so on a cluster every silo must see the same two folders, for example on a shared file
/// system mounted at the same path. Relative paths are taken from the silo's working directory.
/// </summary>
public sealed class ReforecastFolders
{
    /// <summary>The actuals store folder, as <c>tokencast ingest --store</c> writes it.</summary>
    public string ActualsFolder { get; set; } = ActualsStore.DefaultDirectory;

    /// <summary>The history folder versions and their reviews are written to.</summary>
    public string HistoryFolder { get; set; } = FolderForecastHistory.DefaultFolder;
}
