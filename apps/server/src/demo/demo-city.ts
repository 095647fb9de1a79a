/** What the seed created, for hooks that add more demo data (plans, scores). */
export interface DemoCity {
  rootId: number;
  /** Evaluation system ids by code: city-dept, districts, zones. */
  systems: Record<string, number>;
  /** Group ids of the city-department system by code: A, B1, B2, C1, C2. */
  groups: Record<string, number>;
  /** Node ids by code: demo-city, A01…, B1-01…, sections, districts, zones. */
  nodes: Map<string, number>;
  /** Account ids by username. */
  users: Map<string, number>;
}
