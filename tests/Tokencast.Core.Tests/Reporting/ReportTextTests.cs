using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class ReportTextTests
{
    [Theory]
    [InlineData(0, "$0")]
    [InlineData(250, "$250")]
    [InlineData(12000, "$12k")]
    [InlineData(1200000, "$1.2M")]
    [InlineData(2500000000, "$2.5B")]
    [InlineData(0.05, "$0.05")]
    [InlineData(-40, "-$40")]
    public void CompactUsd_AxisValue_UsesSuffix(double value, string expected)
    {
        Assert.Equal(expected, ReportText.CompactUsd(value));
    }

    [Theory]
    [InlineData(123456.7, "$123,457")]
    [InlineData(12.346, "$12.35")]
    [InlineData(0.0012345, "$0.00123")]
    [InlineData(0, "$0")]
    [InlineData(double.NaN, "n/a")]
    public void Usd_TableAmount_ChoosesPrecisionBySize(double value, string expected)
    {
        Assert.Equal(expected, ReportText.Usd(value));
    }

    [Fact]
    public void MonthLabel_January_IsShortName()
    {
        Assert.Equal("Jan 2027", ReportText.MonthLabel(new DateOnly(2027, 1, 1)));
    }
}
