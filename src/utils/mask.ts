/** 111122223333 → 1111••••3333: enough to tell accounts apart on a shared screen, not to copy. */
export function maskAccountId(accountId: string): string {
  return /^\d{12}$/.test(accountId)
    ? `${accountId.slice(0, 4)}••••${accountId.slice(8)}`
    : accountId;
}

/** Masks every 12-digit account id inside a text (ARNs, summaries). */
export function maskAccountIds(text: string): string {
  return text.replace(/(?<!\d)(\d{4})\d{4}(\d{4})(?!\d)/g, '$1••••$2');
}
