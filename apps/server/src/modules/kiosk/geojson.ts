/**
 * GeoJSON for the cockpit map (issue 13 point 2), as pure functions: checking an uploaded file and
 * matching its features to the plan's units by a property naming the unit code.
 */

export interface MapProblem {
  path: string;
  code: string;
  params: Record<string, string | number>;
}

const GEOMETRIES = new Set(['Polygon', 'MultiPolygon']);
/** At most this many problems are reported; the first ones name the field and the feature. */
export const MAX_PROBLEMS = 20;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The code a feature names (a string or a number, trimmed), or null. */
export function codeOf(feature: unknown, property: string): string | null {
  if (!isObject(feature) || !isObject(feature.properties)) return null;
  const v = feature.properties[property];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return null;
}

/**
 * Every problem of a file: not a FeatureCollection, no features, a feature that is not a Feature
 * with a Polygon or MultiPolygon, a feature without the code property, a code given twice. Each
 * names the field (`geojson.features[3].properties.code`) and the feature's index.
 */
export function checkGeoJson(geojson: unknown, property: string): MapProblem[] {
  if (!isObject(geojson) || geojson.type !== 'FeatureCollection')
    return [{ path: 'geojson.type', code: 'map.not_feature_collection', params: {} }];
  const features = geojson.features;
  if (!Array.isArray(features) || features.length === 0)
    return [{ path: 'geojson.features', code: 'map.no_features', params: {} }];
  const problems: MapProblem[] = [];
  const seen = new Map<string, number>();
  features.forEach((f, index) => {
    const at = `geojson.features[${index}]`;
    if (!isObject(f) || f.type !== 'Feature') {
      problems.push({ path: `${at}.type`, code: 'map.not_feature', params: { index } });
      return;
    }
    const g = f.geometry;
    if (!isObject(g) || !GEOMETRIES.has(String(g.type)) || !Array.isArray(g.coordinates))
      problems.push({ path: `${at}.geometry`, code: 'map.bad_geometry', params: { index } });
    const code = codeOf(f, property);
    if (code === null) {
      problems.push({
        path: `${at}.properties.${property}`,
        code: 'map.missing_code',
        params: { index, property },
      });
      return;
    }
    const first = seen.get(code);
    if (first !== undefined)
      problems.push({
        path: `${at}.properties.${property}`,
        code: 'map.duplicate_code',
        params: { index, code, first },
      });
    else seen.set(code, index);
  });
  return problems.slice(0, MAX_PROBLEMS);
}

/** The features' codes in file order (of a checked file). */
export const featureCodes = (geojson: Record<string, unknown>, property: string) =>
  (geojson.features as unknown[]).map((f) => codeOf(f, property) ?? '');

/** Which features name a unit of the plan, and which do not (listed with their index). */
export function matchFeatures(codes: string[], unitCodes: Set<string>) {
  const matched = new Set<string>();
  const unmatched: { index: number; code: string }[] = [];
  codes.forEach((code, index) => {
    if (unitCodes.has(code)) matched.add(code);
    else unmatched.push({ index, code });
  });
  return { matched, unmatched };
}
