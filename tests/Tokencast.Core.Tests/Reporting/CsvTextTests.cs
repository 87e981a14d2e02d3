using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class CsvTextTests
{
    [Theory]
    [InlineData("chat", "chat")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Field_SpecialCharacters_QuotedPerRfc4180(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Field(value));
    }

    [Theory]
    [InlineData(1234567.1234567, "1234567.123457")] // rounds at the sixth decimal
    [InlineData(0.5, "0.5")]
    [InlineData(-0.0000001, "0")] // would print as "-0"
    [InlineData(double.NaN, "")]
    [InlineData(double.PositiveInfinity, "")]
    public void Number_SpendFormat_WritesInvariantText(double value, string expected)
    {
        Assert.Equal(expected, CsvText.Number(value, CsvText.SpendFormat));
    }
}
