/** Stands for a whole account id on a shared screen: nothing of it is left to read or copy. */
export const MASKED_ACCOUNT_ID = '••••••••••••';

/** 111122223333 → ••••••••••••. Anything that is not a bare account id is left alone. */
export function maskAccountId(accountId: string): string {
  return /^\d{12}$/.test(accountId.trim()) ? MASKED_ACCOUNT_ID : accountId;
}

/** Masks every 12-digit account id inside a text (ARNs, headings, warnings, links, summaries). */
export function maskAccountIds(text: string): string {
  return text.replace(/(?<!\d)\d{12}(?!\d)/g, MASKED_ACCOUNT_ID);
}

/**
 * Masks AWS access key ids inside a text: ASIAQSANDBOXDEV12345 → ASIA••••2345. An access key id is
 * not a secret, but STS GetAccessKeyInfo turns one into its account id.
 */
export function maskAccessKeyIds(text: string): string {
  return text.replace(/\b(ASIA|AKIA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g, '$1••••$2');
}

/**
 * Everything presenter mode hides in a text: account ids and access key ids. The one masking rule
 * of the app: every on-screen text that can hold an id goes through this (`usePresenterText`).
 */
export function maskForPresenter(text: string): string {
  return maskAccountIds(maskAccessKeyIds(text));
}
