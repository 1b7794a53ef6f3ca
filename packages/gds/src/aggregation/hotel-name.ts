/**
 * Hotel names as suppliers spell them differ in case, accents, punctuation, word order, generic
 * words ("Hotel", "Resort") and abbreviations. A name is reduced to its distinctive tokens.
 */
const GENERIC = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'at',
  'by',
  'in',
  'hotel',
  'hotels',
  'htl',
  'resort',
  'resorts',
  'spa',
  'inn',
  'lodge',
  'suites',
  'suite',
  'apartments',
  'boutique',
  'guesthouse',
  'homestay',
  'hostel',
  'pvt',
  'ltd',
  'private',
  'limited',
  'p',
]);

/** Spelling variants and abbreviations that mean the same word. */
const SYNONYMS: Record<string, string> = {
  intl: 'international',
  int: 'international',
  ktm: 'kathmandu',
  kath: 'kathmandu',
  pkr: 'pokhara',
  ctr: 'centre',
  center: 'centre',
  mt: 'mount',
  st: 'saint',
  rsrt: 'resort',
  vly: 'valley',
  nr: 'near',
  hse: 'house',
};

export function nameTokens(name: string, options: { dropWords?: Iterable<string> } = {}): string[] {
  const drop = new Set([...(options.dropWords ?? [])].map((word) => word.toLowerCase()));
  const text = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/guest\s*house/g, 'guesthouse')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  const tokens = text
    .split(' ')
    .filter(Boolean)
    .map((token) => SYNONYMS[token] ?? token)
    .filter((token) => !GENERIC.has(token) && !drop.has(token));
  return [...new Set(tokens)];
}

/** Edit distance, cut off early: only "is it within `max`" matters. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** Tokens match when equal, or long enough that one typo is a typo (Annapurna / Anapurna). */
function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5) return withinEdits(a, b, 1);
  return false;
}

/**
 * Similarity of two token sets in [0, 1]: matched tokens over the tokens of the shorter name (so
 * "Dwarika's" against "Dwarika's Hotel Kathmandu" after generic and city words are dropped is 1),
 * damped when the names differ much in length. Names run together or split apart
 * ("Shangrila" / "Shangri-La") are compared on their joined letters as well.
 */
export function nameSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const joinedA = a.join('');
  const joinedB = b.join('');
  if (joinedA === joinedB) return 1;
  const joinedNearly = Math.min(joinedA.length, joinedB.length) >= 8 && withinEdits(joinedA, joinedB, 1) ? 0.95 : 0;
  const unused = [...b];
  let matched = 0;
  for (const token of a) {
    const index = unused.findIndex((other) => tokensMatch(token, other));
    if (index === -1) continue;
    matched += 1;
    unused.splice(index, 1);
  }
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  const overlap = matched / shorter;
  const lengthPenalty = shorter / longer;
  return Math.max(joinedNearly, overlap * (0.75 + 0.25 * lengthPenalty));
}
