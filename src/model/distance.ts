// Distance from home (docs/model.md §4, rule 6).

export const EARTH_RADIUS_KM = 6371;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance by the haversine formula. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Mean distance between two random points of a disc with the LA's area: a placement inside the LA. */
export function withinLaKm(areaKm2: number): number {
  return 0.9054 * Math.sqrt(areaKm2 / Math.PI);
}
