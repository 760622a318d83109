/** Groups values by key, keeping first-seen order (push, not copy: buckets can be large). */
export function groupBy<K, V>(values: Iterable<V>, keyOf: (value: V) => K | undefined): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
