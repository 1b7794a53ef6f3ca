import { readXmlTree } from './xml-tree.ts';

/**
 * Checks what a lenient parser forgives (see `readXmlTree`, which checks it while it reads):
 * every element closed by its own name, one root, nothing but whitespace around it, comments,
 * CDATA and processing instructions terminated. A truncated answer always fails here.
 */
export function assertWellFormed(xml: string): void {
  readXmlTree(xml);
}
