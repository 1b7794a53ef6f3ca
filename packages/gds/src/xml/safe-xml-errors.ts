/** XML refused before parsing: too large, or with DOCTYPE / entity declarations. */
export class UnsafeXmlError extends Error {
  readonly code = 'UNSAFE_XML';
}

/** XML that is not well formed: truncated, mismatched tags, text outside the root. */
export class MalformedXmlError extends Error {
  readonly code = 'MALFORMED_XML';
}
