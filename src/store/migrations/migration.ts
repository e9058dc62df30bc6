// The shape of one schema migration; in its own file so the migrations and their index do not import each other.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
