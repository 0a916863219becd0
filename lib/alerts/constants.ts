/** The vocabulary of alert rules, for the browser and the server alike (no server-only imports). */

/** How rows of the query combine into one number (Databricks SQL alerts aggregate the same way), or the age of the newest. */
export const AGGREGATIONS = ['MAX', 'MIN', 'AVG', 'SUM', 'COUNT', 'MEDIAN', 'AGE_MINUTES'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const OPERATORS = ['>', '>=', '<', '<='] as const;
export type Operator = (typeof OPERATORS)[number];
/** Schedules every alert can keep on both engines (quartz `0 0/N * * * ?` and the like). */
export const EVERY_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440] as const;
export const PAGE_PATHS = ['/', '/ops', '/finance', '/compare', '/inspector', '/alerts'] as const;
