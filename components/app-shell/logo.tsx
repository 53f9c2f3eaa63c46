/** Lifebuoy mark, drawn inline so it renders without an emoji font. */
export function Logo({ className = "h-5 w-5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className}>
      <circle cx="12" cy="12" r="9" fill="none" stroke="#dc2626" strokeWidth="4" />
      <circle
        cx="12"
        cy="12"
        r="9"
        fill="none"
        stroke="#fff"
        strokeWidth="4"
        strokeDasharray="4.7 9.4"
        strokeDashoffset="2.35"
      />
      <circle cx="12" cy="12" r="11" fill="none" stroke="#0f172a" strokeWidth="0.8" />
      <circle cx="12" cy="12" r="7" fill="none" stroke="#0f172a" strokeWidth="0.8" />
    </svg>
  );
}
