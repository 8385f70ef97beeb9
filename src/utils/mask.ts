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

/**
 * Masks AWS access key ids inside a text: ASIAQSANDBOXDEV12345 → ASIA••••2345. An access key id is
 * not a secret, but STS GetAccessKeyInfo turns one into its account id.
 */
export function maskAccessKeyIds(text: string): string {
  return text.replace(/\b(ASIA|AKIA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g, '$1••••$2');
}

/** Everything presenter mode hides in a text: account ids and access key ids. */
export function maskForPresenter(text: string): string {
  return maskAccountIds(maskAccessKeyIds(text));
}
