/** Two mountain ridges along the bottom of a brand-coloured panel; decoration in the brand's own tones. */
export function RidgeLine({ className = '' }: { className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 1440 320"
      preserveAspectRatio="none"
      className={`pointer-events-none absolute inset-x-0 bottom-0 w-full ${className}`}
    >
      <path
        className="fill-on-brand/10"
        d="M0 320 L0 230 L160 150 L260 200 L420 70 L560 190 L700 110 L820 180 L980 40 L1120 170 L1260 120 L1440 210 L1440 320 Z"
      />
      <path
        className="fill-on-brand/15"
        d="M0 320 L0 270 L200 210 L380 260 L600 180 L800 250 L1040 190 L1240 250 L1440 230 L1440 320 Z"
      />
    </svg>
  );
}
