using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>A place where the scenario names a feature, cohort or model, checked once all ids are known.</summary>
internal sealed record ReferenceUse(ReferenceKind Kind, string Name, YamlNode Node, string Path);
