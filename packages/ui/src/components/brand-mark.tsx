/**
 * The agency's logo, or its initials when it has none. `onBrand` is for placing the mark on the brand
 * colour itself (headers, hero panels), where the initials tile inverts to stay visible.
 */
export function BrandMark({ name, logoUrl, onBrand = false }: { name: string; logoUrl: string | null; onBrand?: boolean }) {
  if (logoUrl) {
    // A plain <img>: logos are the agency's own files on any host, not assets Next can optimise.
    return <img src={logoUrl} alt={`${name} logo`} className="size-10 rounded-lg object-contain" />;
  }
  const colours = onBrand ? 'bg-on-brand text-brand' : 'bg-brand text-on-brand';
  return (
    <span aria-hidden="true" className={`inline-grid size-10 shrink-0 place-items-center rounded-lg font-bold ${colours}`}>
      {initials(name)}
    </span>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
