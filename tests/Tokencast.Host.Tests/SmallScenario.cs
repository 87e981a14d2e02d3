namespace Tokencast.Host.Tests;

/// <summary>A one-feature, one-cohort scenario that reads no other file, for requests that send text.</summary>
internal static class SmallScenario
{
    public const string Text = """
        name: small
        start_month: 2027-01
        horizon_months: 2
        features:
          - id: chat
            model: gpt-4o-mini
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        """;
}
