/**
 * PLACEHOLDER so the build has an entry; replaced by the real adapters.
 * @customfunction PLACEHOLDER
 * @param x A number.
 * @returns The same number.
 */
export function placeholder(x: number): number {
  return x;
}
