/** Recovery codes, shown once after they are made. */
export function RecoveryCodes({ codes, className }: { codes: readonly string[]; className?: string }) {
  return (
    <ol className={className} data-testid="recovery-codes">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ol>
  );
}
