// Every schema migration, in order. Add a new file and one line here; never edit an applied migration.
import { m001Registry } from './001-registry.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [m001Registry];
