/** A Python value as it appears in a WSGI environ; only what environs hold. */
export type PyValue =
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number }
  | { kind: 'tuple'; items: number[] }
  | { kind: 'object'; repr: string };

/** A Python str (latin-1 "bytes-as-str" for request data, PEP 3333, "Unicode"). */
export const pyStr = (value: string): PyValue => ({ kind: 'str', value });
/** A Python bool. */
export const pyBool = (value: boolean): PyValue => ({ kind: 'bool', value });
/** A Python int. */
export const pyInt = (value: number): PyValue => ({ kind: 'int', value });
/** A Python tuple of ints, such as wsgi.version. */
export const pyTuple = (...items: number[]): PyValue => ({ kind: 'tuple', items });
/** Any other object, by its repr() with memory addresses left out. */
export const pyObject = (repr: string): PyValue => ({ kind: 'object', repr });

/** Python's repr() for the value; str values are shown as the text itself (the trace's convention). */
export function renderPyValue(value: PyValue): string {
  switch (value.kind) {
    case 'str':
      return value.value;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'int':
      return String(value.value);
    case 'tuple':
      return value.items.length === 1 ? `(${value.items[0] ?? ''},)` : `(${value.items.join(', ')})`;
    case 'object':
      return value.repr;
  }
}
