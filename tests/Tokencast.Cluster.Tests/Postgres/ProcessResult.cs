namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>Exit code and captured output of a finished command.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
