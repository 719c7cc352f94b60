/** A size as the lab says it: "12 MB", "4.8 MB" (MB of 1,048,576 bytes, one decimal below 10). */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}
