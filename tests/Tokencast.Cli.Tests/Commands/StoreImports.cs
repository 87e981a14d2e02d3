using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

/// <summary>Imports logs into an actuals store through the ingest command, for tests of the commands that read it.</summary>
internal static class StoreImports
{
    public static void Ingest(string log, string store)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, IngestCommand.Invoke([log, "--store", store], output, error));
    }
}
