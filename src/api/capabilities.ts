// Which route groups this build serves; the dashboard reads it to show "not available in this build".
export interface GroupStatus {
  available: boolean;
  /** Routes the group serves. */
  routes: string[];
  /** Functions or modules the group still waits for. */
  missing: string[];
}

/** Filled by each route group as it registers. */
export type Capabilities = Record<string, GroupStatus>;
