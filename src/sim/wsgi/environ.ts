import type { Pair } from '../trace.ts';
import { renderPyValue, type PyValue } from './python-value.ts';

/** An ordered WSGI environ (a Python dict keeps insertion order; re-setting a key keeps its place). */
export class Environ {
  readonly #entries = new Map<string, PyValue>();

  /** Sets a key (a new key goes last, an existing key keeps its position, as in a dict). */
  set(name: string, value: PyValue): this {
    this.#entries.set(name, value);
    return this;
  }

  /** Removes a key, as `del environ[name]` or `environ.pop(name)`. */
  delete(name: string): boolean {
    return this.#entries.delete(name);
  }

  /** The value, or undefined. */
  get(name: string): PyValue | undefined {
    return this.#entries.get(name);
  }

  /** The str value of a key, or the fallback when missing or not a str. */
  str(name: string, fallback = ''): string {
    const value = this.#entries.get(name);
    return value?.kind === 'str' ? value.value : fallback;
  }

  /** Whether the key is present. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** Names in order. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** A shallow copy. */
  copy(): Environ {
    const out = new Environ();
    for (const [k, v] of this.#entries) out.set(k, v);
    return out;
  }

  /** The environ as trace pairs: str values as text, other values as their repr(). */
  toPairs(): Pair[] {
    return [...this.#entries].map(([name, value]) => [name, renderPyValue(value)]);
  }
}
