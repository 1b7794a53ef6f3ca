import { asArray, textOf, type XmlNode } from './safe-xml.ts';

/**
 * Reading a tree parsed by `parseXml` without casts at every step: elements that may be missing,
 * one or many, and attributes (`@_name`). Everything read is a string or undefined; callers
 * validate what they map.
 */
function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `name` child of `node` (an element listed in `arrays` or not; empty elements included). */
export function childrenOf(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  return asArray(node[name] as unknown).map((value) =>
    isNode(value) ? value : typeof value === 'string' ? { '#text': value } : {},
  );
}

/** The first `name` child of `node`, if any. */
export function childOf(node: unknown, name: string): XmlNode | undefined {
  return childrenOf(node, name)[0];
}

/** Follows a path of child names, taking the first of each. */
export function pathOf(node: unknown, ...names: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = isNode(node) ? node : undefined;
  for (const name of names) current = current && childOf(current, name);
  return current;
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text of the first `name` child of `node`, trimmed; undefined when absent or empty. */
export function childText(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = asArray(node[name] as unknown)[0];
  const text = textOf(value)?.trim();
  return text ? text : undefined;
}

/** Whether `node` has a `name` child (empty elements such as `<Success/>` included). */
export function hasChild(node: unknown, name: string): boolean {
  return isNode(node) && name in node;
}
