// The live feed: one SignalR connection to /hubs/runs, shared by whichever run the page shows and by the
// forecast events (versions added to tracked forecasts, with their alerts).
import { HttpError, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { dropKey, readKey } from './key.js';

/**
 * Creates the feed. `handlers` receives progress(status), converged(event), finished(status),
 * versionAdded(added), reconnected(), unauthorized(error) and connection(text) for the header's connection state.
 */
export function createFeed(handlers) {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/runs', { accessTokenFactory: () => readKey() ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();

  connection.on('progress', handlers.progress);
  connection.on('converged', handlers.converged);
  connection.on('finished', handlers.finished);
  connection.on('versionAdded', handlers.versionAdded);
  connection.onreconnecting(() => handlers.connection('Live feed: reconnecting…'));
  connection.onreconnected(() => {
    handlers.connection('Live feed: connected');
    // A reconnected client has a new connection id, which is in no group yet.
    if (watchingForecasts) {
      connection.invoke('WatchForecasts').catch(() => handlers.connection('Live feed: forecast events lost'));
    }
    handlers.reconnected();
  });
  connection.onclose(() => handlers.connection('Live feed: disconnected'));

  let starting = null;
  let watchingForecasts = false;

  async function ensureStarted() {
    if (connection.state === HubConnectionState.Connected) {
      return;
    }
    if (connection.state === HubConnectionState.Disconnected) {
      starting = connection.start().then(
        () => handlers.connection('Live feed: connected'),
        (error) => {
          // Negotiation is a plain HTTP request, so an unknown key fails it with 401.
          if (error instanceof HttpError && error.statusCode === 401) {
            dropKey();
            handlers.unauthorized(error);
          }
          throw error;
        },
      );
    }
    await starting;
  }

  return {
    /** Subscribes to a run and returns its current status. */
    async watch(runId) {
      await ensureStarted();
      return connection.invoke('Watch', runId);
    },

    /** Subscribes to the versions added to any tracked forecast, sent as `versionAdded`. */
    async watchForecasts() {
      await ensureStarted();
      await connection.invoke('WatchForecasts');
      watchingForecasts = true;
    },

    /** Ends the subscription to a run; a closed connection has none to end. */
    async unwatch(runId) {
      if (connection.state === HubConnectionState.Connected) {
        await connection.invoke('Unwatch', runId);
      }
    },
  };
}
