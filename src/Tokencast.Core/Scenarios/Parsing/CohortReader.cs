using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>cohorts</c> and how each uses the features.</summary>
internal static class CohortReader
{
    private static readonly string[] Keys = ["id", "description", "users", "monthly_growth", "features"];

    private static readonly string[] FeatureKeys = ["adoption", "tasks_per_active_user", "launch", "ramp_months"];

    public static List<CohortSpec> Read(YamlNode? node, string path, ParseContext context, IdRegistry ids) =>
        SequenceItems.ReadMappings(node, path, context, "cohort", Keys, cohort => ReadCohort(cohort, ids));

    private static CohortSpec? ReadCohort(MappingReader cohort, IdRegistry ids)
    {
        var context = cohort.Context;
        var problemsBefore = context.Problems.Count;
        var id = cohort.Id();
        var unique = id is not null && ids.Add(id, cohort.Find("id")!, cohort.ChildPath("id"));
        cohort.Text("description");
        var users = ReadUncertain(cohort, "users", ValueRange.Users, required: true);
        var growth = ReadUncertain(cohort, "monthly_growth", ValueRange.AboveMinusOne, required: false)
            ?? UncertainValue.Constant(0, cohort.Location);
        var features = new List<CohortFeatureSpec>();
        if (cohort.Find("features") is { } featuresNode
            && MappingReader.Open(featuresNode, cohort.ChildPath("features"), context,
                "a mapping of feature ids to their use", null) is { } featureMap)
        {
            foreach (var (featureId, value) in featureMap.Entries)
            {
                var featurePath = featureMap.ChildPath(featureId);
                context.Refer(ReferenceKind.Feature, featureId, featureMap.FindKey(featureId)!, featurePath);
                if (ReadFeatureUse(featureId, value, featurePath, context) is { } use)
                {
                    features.Add(use);
                }
            }
        }

        if (!unique || users is null || context.Problems.Count > problemsBefore)
        {
            return null;
        }

        return new CohortSpec(id!, users, growth, features, cohort.Location);
    }

    private static CohortFeatureSpec? ReadFeatureUse(string featureId, YamlNode node, string path, ParseContext context)
    {
        if (MappingReader.Open(node, path, context, "feature use {adoption, tasks_per_active_user}", FeatureKeys)
            is not { } use)
        {
            return null;
        }

        var adoption = ReadUncertain(use, "adoption", ValueRange.Probability, required: true);
        var tasks = ReadUncertain(use, "tasks_per_active_user", ValueRange.TasksPerUser, required: true);
        var launch = use.Date("launch");
        var ramp = use.Integer("ramp_months", ValueRange.NonNegativeInteger) ?? 0;
        if (adoption is null || tasks is null || (use.Has("launch") && launch is null))
        {
            return null;
        }

        return new CohortFeatureSpec(featureId, adoption, tasks, launch, (int)Math.Min(ramp, int.MaxValue),
            use.Location);
    }

    private static UncertainValue? ReadUncertain(MappingReader mapping, string key, ValueRange range, bool required)
    {
        var node = required
            ? mapping.Require(key, $"{range.Description} or a distribution")
            : mapping.Find(key);
        return node is null ? null : UncertainValueReader.Read(node, mapping.ChildPath(key), mapping.Context, range);
    }
}
