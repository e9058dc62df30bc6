// Notifications out: the webhook dispatcher and the reminder scheduler a server runs, from one configuration.
import type { Db } from '../store/db.js';
import type { NotifyConfig } from './config.js';
import { startDispatcher } from './dispatcher.js';
import { startScheduler } from './scheduler.js';

export { type NotifyConfig, notifyConfig } from './config.js';
export { checkTarget, TargetRefused } from './target.js';

/** Starts both loops on `db`; `stop` ends them (before the store closes). */
export function startNotifications(
  db: Db,
  cfg: NotifyConfig,
  log: (o: Record<string, unknown>) => void,
): { stop(): Promise<void> } {
  const dispatcher = startDispatcher({
    db,
    retry: cfg.retry,
    targets: cfg.targets,
    concurrency: cfg.concurrency,
    pollMs: cfg.pollMs,
    log,
  });
  const scheduler = startScheduler({
    db,
    offsets: cfg.offsets,
    tickMs: cfg.tickMs,
    holdMs: cfg.holdMs,
    onSent: () => dispatcher.wake(),
    log,
  });
  return {
    stop: async () => {
      await scheduler.stop();
      await dispatcher.stop();
    },
  };
}
