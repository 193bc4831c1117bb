/**
 * A fixed-capacity list that forgets its oldest items: what bounds the inspector's memory
 * whatever the traffic (100,000 message rows take ~40 MB at most, see docs/inspector.md).
 * Items are addressed by an absolute index that keeps counting up, so an index held by a
 * filter stays valid until its item is evicted (`has` says).
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private total = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items ever pushed (the next absolute index). */
  get pushed(): number {
    return this.total;
  }

  /** Absolute index of the oldest item still held. */
  get first(): number {
    return Math.max(0, this.total - this.capacity);
  }

  get length(): number {
    return this.total - this.first;
  }

  /** Adds an item; returns its absolute index. */
  push(item: T): number {
    this.items[this.total % this.capacity] = item;
    return this.total++;
  }

  has(index: number): boolean {
    return index >= this.first && index < this.total;
  }

  /** The item at an absolute index, or undefined once evicted. */
  at(index: number): T | undefined {
    return this.has(index) ? this.items[index % this.capacity] : undefined;
  }

  clear(): void {
    this.items.fill(undefined);
    this.total = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.first; i < this.total; i++) yield this.items[i % this.capacity]!;
  }
}
