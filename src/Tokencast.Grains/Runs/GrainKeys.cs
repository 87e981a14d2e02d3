using System.Globalization;

namespace Tokencast.Grains.Runs;

/// <summary>Builds and reads the string keys of a run's grains.</summary>
public static class GrainKeys
{
    /// <summary>Returns the key of lane <paramref name="lane"/> of a run: "run/lane".</summary>
    public static string Lane(string runId, int lane) => string.Create(CultureInfo.InvariantCulture, $"{runId}/{lane}");

    /// <summary>Returns the key of a feature or cohort grain of a lane: "run/lane/id".</summary>
    public static string InLane(string laneKey, string id) => laneKey + "/" + id;

    /// <summary>Returns the key of the aggregator of branch <paramref name="branch"/> (plan order) of a run.</summary>
    public static string Branch(string runId, int branch) => string.Create(CultureInfo.InvariantCulture, $"{runId}/{branch}");

    /// <summary>Splits a key into its run id and the rest: the feature id may itself contain '/'.</summary>
    public static (string RunId, string Lane, string Tail) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/', 3);
        return (parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
    }
}
