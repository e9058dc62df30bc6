// Every CLI command. Each module exports its commands; add one line per module.
import type { Command } from '../command.js';
import { analysisCommands } from './analysis.js';
import { authCommands } from './auth.js';
import { completenessCommand } from './completeness.js';
import { flowsCommands } from './flows.js';
import { historyCommands } from './history.js';
import { ingestCommands } from './ingest.js';
import { ledgerCommands } from './ledger.js';
import { overviewCommand } from './overview.js';
import { registryCommands } from './registry.js';
import { serveCommand } from './serve.js';
import { triggerCommands } from './trigger.js';
import { webhookCommands } from './webhook.js';

export const COMMANDS: Command[] = [
  ...registryCommands,
  overviewCommand,
  completenessCommand,
  ...authCommands,
  serveCommand,
  ...triggerCommands,
  ...ledgerCommands,
  ...flowsCommands,
  ...analysisCommands,
  ...ingestCommands,
  ...historyCommands,
  ...webhookCommands,
];
