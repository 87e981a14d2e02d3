using System.Globalization;

namespace Tokencast.Grains.Runs;

/// <summary>Builds and reads the string keys of a run's grains.</summary>
public static class GrainKeys
{
    /// <summary>Returns the key of lane <paramref name="lane"/> of a run: "run/lane".</summary>
    public static string Lane(string runId, int lane) => string.Create(CultureInfo.InvariantCulture, $"{runId}/{lane}");

    /// <summary>Returns the key of a feature grain of a lane: "run/lane/feature".</summary>
    public static string Feature(string laneKey, string featureId) => laneKey + "/" + featureId;

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
