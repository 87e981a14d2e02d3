namespace Tokencast.Cli.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Build_Compiles_True() => Assert.True(typeof(PlaceholderTests).Assembly is not null);
}
