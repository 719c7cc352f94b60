/**
 * The `data-edge` value of a chart's edge, as the player looks it up for a hop in either direction. Its own module:
 * the player's custom element needs it at once, the chart renderer only once the reader changes the request.
 */
export function edgeKey(from: string, to: string): string {
  return `${from}>${to}`;
}
