namespace Tokencast.Cluster.Tests.Grains;

/// <summary>A grain that manages its own reminders, for testing the ADO.NET reminder table.</summary>
public interface IReminderGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates a reminder of this grain.</summary>
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);

    /// <summary>Returns whether <c>GetReminder</c> finds the named reminder.</summary>
    Task<bool> Exists(string reminderName);

    /// <summary>Returns the names that <c>GetReminders</c> lists, sorted.</summary>
    Task<IReadOnlyList<string>> ListNames();

    /// <summary>Unregisters the named reminder; returns false when it was not registered.</summary>
    Task<bool> Unregister(string reminderName);
}
