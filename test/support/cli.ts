// Runs the CLI in process and captures what it prints.
import { runCli } from '../../src/cli/main.js';

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (s) => (out += `${s}\n`),
    err: (s) => (err += `${s}\n`),
    tty: false,
    env: { ...env },
    cwd: process.cwd(),
  });
  return { code, out, err };
}
