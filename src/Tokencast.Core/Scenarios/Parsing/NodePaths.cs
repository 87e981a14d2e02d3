namespace Tokencast.Core.Scenarios;

/// <summary>Builds value paths such as <c>features[2].agent.steps</c>.</summary>
internal static class NodePaths
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
