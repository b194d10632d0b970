/**
 * Builds `where a = $1 and b = $2` from the equality filters that are set, so list
 * queries take optional filters as bound parameters and never as SQL text.
 */
export function whereEquals(pairs: Array<[column: string, value: string | undefined]>) {
  const set = pairs.filter((p): p is [string, string] => p[1] !== undefined);
  return {
    where: set.length ? `where ${set.map(([col], i) => `${col} = $${i + 1}`).join(' and ')}` : '',
    params: set.map(([, v]) => v),
  };
}
