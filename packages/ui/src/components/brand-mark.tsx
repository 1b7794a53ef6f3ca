/** The agency's logo, or its initials on the brand colour when it has none. */
export function BrandMark({ name, logoUrl, size = 'md' }: { name: string; logoUrl: string | null; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-14 text-xl' : 'size-10 text-base';
  if (logoUrl) {
    // A plain <img>: logos are the agency's own files on any host, not assets Next can optimise.
    return <img src={logoUrl} alt={`${name} logo`} className={`${box} rounded-lg object-contain`} />;
  }
  return (
    <span aria-hidden="true" className={`${box} inline-grid shrink-0 place-items-center rounded-lg bg-brand font-semibold text-on-brand`}>
      {initials(name)}
    </span>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
