// Every item of an async iterable, in order (Array.fromAsync, which Node 20 lacks).
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}
