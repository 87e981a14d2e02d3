namespace Tokencast.Cluster.Tests.Grains;

/// <summary>
/// Registers, lists and removes its reminders. Ticks do nothing: the tests check the reminder table,
/// not the timer.
/// </summary>
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    /// <inheritdoc />
    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    /// <inheritdoc />
    public async Task<bool> Exists(string reminderName) => await this.GetReminder(reminderName) is not null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListNames()
    {
        var reminders = await this.GetReminders();
        return reminders.Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> Unregister(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName);
        if (reminder is null)
        {
            return false;
        }

        await this.UnregisterReminder(reminder);
        return true;
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
