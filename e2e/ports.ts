// The demo stack's addresses, as demo/start.ts and playwright.config.ts choose them: several people
// (or checkouts) can run the browser tests at once on other ports.
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

export const IDP_ORIGIN = `http://localhost:${port('IDP_PORT', 5180)}`;
export const STS_ORIGIN = `http://localhost:${port('STS_PORT', 5190)}`;
/** The IAM name of the demo provider: its issuer without the scheme. */
export const IDP_HOST = IDP_ORIGIN.replace(/^http:\/\//, '');
