/** The account's colour, always shown next to its name, never instead of it. */
export function AccountSwatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-full border border-slate-400"
      ref={(element) => {
        // CSSOM assignment, not a style attribute: allowed by the strict Content-Security-Policy.
        element?.style.setProperty('background-color', color);
      }}
    />
  );
}
