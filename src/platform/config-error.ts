// A mistake in the environment or configuration the user controls: shown as its message, without a stack trace.
export class ConfigError extends Error {
  override name = 'ConfigError';
}
