import { createHash } from 'node:crypto';

const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => replacements[character] ?? character);
}

const styles = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 40rem; margin: 0 auto; }
  h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.1rem; margin: 0; }
  p { margin: 0.25rem 0; }
  .muted { opacity: 0.8; }
  .actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-top: 1rem; }
  .users { list-style: none; padding: 0; display: grid; gap: 0.75rem; margin: 1.5rem 0; }
  .user { border: 1px solid GrayText; border-radius: 0.5rem; padding: 1rem; }
  .user form { margin-top: 0.75rem; }
  .alert { border-left: 4px solid #b3261e; padding: 0.5rem 1rem; margin: 1rem 0; }
  button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.375rem; cursor: pointer;
    border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; }
  button.secondary { background: transparent; color: inherit; border-color: GrayText; }
  button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;

export interface PageOptions {
  title: string;
  body: string;
  /** An inline script; the Content-Security-Policy allows exactly this one by its hash. */
  script?: string;
}

export interface Page {
  html: string;
  contentSecurityPolicy: string;
}

const sha256Source = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const styleSource = sha256Source(styles);

export function renderPage({ title, body, script }: PageOptions): Page {
  const scriptSource = script ? sha256Source(script) : "'none'";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>${script ? `\n<script>${script}</script>` : ''}
</body>
</html>
`;
  return {
    html,
    contentSecurityPolicy: `default-src 'none'; style-src ${styleSource}; script-src ${scriptSource}; base-uri 'none'; frame-ancestors 'none'`,
  };
}
