/** A fixed-capacity FIFO: pushing into a full buffer drops the oldest item. */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `item`; returns true when the oldest item was dropped to make room. */
  push(item: T): boolean {
    const end = (this.#start + this.#size) % this.capacity;
    this.#items[end] = item;
    if (this.#size < this.capacity) {
      this.#size++;
      return false;
    }
    this.#start = (this.#start + 1) % this.capacity;
    return true;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#start = 0;
    this.#size = 0;
  }

  /** Visits items newest first until `visit` returns false. */
  visitNewestFirst(visit: (item: T) => boolean): void {
    for (let index = this.#size - 1; index >= 0; index--) {
      if (!visit(this.#items[(this.#start + index) % this.capacity] as T)) return;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    const result: T[] = [];
    for (let index = 0; index < this.#size; index++) {
      result.push(this.#items[(this.#start + index) % this.capacity] as T);
    }
    return result;
  }
}
