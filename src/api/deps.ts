// What the API's route groups are given: the store and the clock (time is an argument, never read inside).
import type { Db } from '../store/db.js';

export interface ApiDeps {
  db: Db;
  /** The current instant; tests pass a fixed one. */
  now: () => Date;
}
