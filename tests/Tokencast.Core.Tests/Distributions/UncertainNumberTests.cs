using Tokencast.Core.Distributions;

namespace Tokencast.Core.Tests.Distributions;

public class UncertainNumberTests
{
    [Theory]
    [InlineData("constant 3", true)]
    [InlineData("uniform 1 to 1", true)]
    [InlineData("triangular 2, 2, 2", true)]
    [InlineData("normal bounded to 0.5", true)]
    [InlineData("uniform 0 to 1", false)]
    [InlineData("triangular 0, 0, 1", false)]
    [InlineData("normal", false)]
    [InlineData("normal bounded to [0, 1]", false)]
    [InlineData("pert", false)]
    [InlineData("beta", false)]
    [InlineData("lognormal", false)]
    public void IsConstant_Distribution_TrueOnlyWithoutSpread(string distribution, bool expected)
    {
        var value = distribution switch
        {
            "constant 3" => UncertainNumber.Constant(3),
            "uniform 1 to 1" => UncertainNumber.Uniform(1, 1),
            "triangular 2, 2, 2" => UncertainNumber.Triangular(2, 2, 2),
            "normal bounded to 0.5" => UncertainNumber.Normal(0, 1).WithBounds(0.5, 0.5),
            "uniform 0 to 1" => UncertainNumber.Uniform(0, 1),
            "triangular 0, 0, 1" => UncertainNumber.Triangular(0, 0, 1),
            "normal" => UncertainNumber.Normal(0, 1),
            "normal bounded to [0, 1]" => UncertainNumber.Normal(0, 1).WithBounds(0, 1),
            "pert" => UncertainNumber.Pert(0, 1, 4),
            "beta" => UncertainNumber.Beta(2, 3),
            _ => UncertainNumber.LogNormal(0, 1),
        };

        Assert.Equal(expected, value.IsConstant);
    }
}
