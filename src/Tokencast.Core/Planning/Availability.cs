using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Planning;

/// <summary>
/// The share of each month in which a cohort can use a feature: 0 before launch, the share of days
/// from the launch date in the launch month, times a linear adoption ramp of
/// min(1, (months since launch + 1) / ramp months).
/// </summary>
internal static class Availability
{
    public static double[] ByMonth(Scenario scenario, DateOnly? launch, int rampMonths)
    {
        var shares = new double[scenario.HorizonMonths];
        for (var m = 0; m < shares.Length; m++)
        {
            var monthStart = scenario.StartMonth.AddMonths(m);
            var nextMonth = monthStart.AddMonths(1);
            if (launch is not { } date || date <= monthStart)
            {
                shares[m] = Ramp(launch ?? scenario.StartMonth, monthStart, rampMonths);
                continue;
            }

            if (date >= nextMonth)
            {
                shares[m] = 0;
                continue;
            }

            var daysInMonth = nextMonth.DayNumber - monthStart.DayNumber;
            var liveDays = nextMonth.DayNumber - date.DayNumber;
            shares[m] = (double)liveDays / daysInMonth * Ramp(date, monthStart, rampMonths);
        }

        return shares;
    }

    /// <summary>Returns, per month, the share of the month that passes before <paramref name="launch"/>.</summary>
    public static double[] LiveFrom(Scenario scenario, DateOnly? launch)
    {
        var shares = new double[scenario.HorizonMonths];
        for (var m = 0; m < shares.Length; m++)
        {
            var monthStart = scenario.StartMonth.AddMonths(m);
            var nextMonth = monthStart.AddMonths(1);
            if (launch is { } date && date > monthStart)
            {
                var daysInMonth = nextMonth.DayNumber - monthStart.DayNumber;
                shares[m] = Math.Min(1, (double)(date.DayNumber - monthStart.DayNumber) / daysInMonth);
            }
        }

        return shares;
    }

    /// <summary>
    /// Returns the adoption ramp of a month. Without a launch date the feature counts as launched in the
    /// first month of the horizon, so a ramp then starts there.
    /// </summary>
    private static double Ramp(DateOnly launch, DateOnly monthStart, int rampMonths)
    {
        if (rampMonths <= 0)
        {
            return 1;
        }

        var monthsSinceLaunch = (monthStart.Year - launch.Year) * 12 + monthStart.Month - launch.Month;
        return Math.Clamp((monthsSinceLaunch + 1.0) / rampMonths, 0, 1);
    }
}
