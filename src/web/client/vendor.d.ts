// Minimal types for the two map libraries the client uses (they ship no TypeScript declarations).
declare module 'd3-geo' {
  export interface GeoProjection {
    (p: [number, number]): [number, number] | null;
    fitExtent(extent: [[number, number], [number, number]], object: unknown): GeoProjection;
  }
  export function geoMercator(): GeoProjection;
  export function geoPath(projection: GeoProjection): (object: unknown) => string | null;
}
declare module 'topojson-client' {
  export function feature(
    topology: unknown,
    object: unknown,
  ): { features: { id?: string; properties: { name?: string }; geometry: unknown }[] };
}
declare module '*.css';
