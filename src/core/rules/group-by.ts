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

/** Groups values under each of their keys (a value with three words is in three groups), keeping first-seen order. */
export function groupByEach<K, V>(values: Iterable<V>, keysOf: (value: V) => Iterable<K>): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    for (const key of keysOf(value)) {
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
  }
  return groups;
}
