/**
 * Hotel names as suppliers spell them differ in case, accents, punctuation, word order, generic
 * words ("Hotel", "Resort"), abbreviations, the place's name ("Pokhara Grande" / "Hotel Pokhara
 * Grande" in Pokhara) and operator suffixes ("Waterfront Resort by KGH"). A name is reduced to its
 * distinctive tokens; words that tell one hotel from another ("Boutique", "Jungle") stay.
 */
// prettier-ignore
const GENERIC = new Set([
  'the', 'a', 'an', 'and', 'of', 'at', 'in',
  'hotel', 'hotels', 'htl', 'resort', 'resorts', 'spa', 'inn', 'lodge', 'suites', 'suite', 'apartments',
  'guesthouse', 'homestay', 'hostel', 'pvt', 'ltd', 'private', 'limited',
]);

/** Spelling variants and abbreviations that mean the same word. */
const SYNONYMS: Record<string, string> = {
  intl: 'international',
  int: 'international',
  ktm: 'kathmandu',
  ctr: 'centre',
  center: 'centre',
  mt: 'mount',
  st: 'saint',
  rsrt: 'resort',
  vly: 'valley',
  hse: 'house',
};

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/guest\s*house/g, 'guesthouse')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => SYNONYMS[word] ?? word);
}

/** "X by Operator": the operator's name is not the hotel's. */
function withoutOperator(tokens: string[]): string[] {
  const by = tokens.indexOf('by');
  return by > 0 ? tokens.slice(0, by) : tokens;
}

/**
 * The distinctive tokens of a name. `placeWords` (the city's names) are left out too, unless the
 * name is nothing but the place ("Kathmandu Guest House"), in which case the place is the name.
 */
export function nameTokens(name: string, options: { placeWords?: Iterable<string> } = {}): string[] {
  const places = [...(options.placeWords ?? [])].flatMap(words);
  const distinctive = withoutOperator(words(name)).filter((token) => !GENERIC.has(token));
  const withoutPlaces = distinctive.filter((token) => !places.some((place) => tokensMatch(token, place)));
  return [...new Set(withoutPlaces.length ? withoutPlaces : distinctive)];
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

/** Tokens match when equal, or long enough that one edit is a spelling (Shanker / Shankar, Pokhara / Pokhra). */
function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5) return withinEdits(a, b, 1);
  return false;
}

/**
 * Similarity of two token sets in [0, 1]: matched tokens over the tokens of the shorter name (a
 * name with a word more, "Kasara Jungle Resort", still scores high), damped by how much the lengths
 * differ. Names run together or split apart ("Tigertops" / "Tiger Tops", "Buddhamaya" / "Buddha
 * Maya") compare equal on their joined letters.
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
  return Math.max(joinedNearly, (matched / shorter) * (0.75 + 0.25 * (shorter / longer)));
}
