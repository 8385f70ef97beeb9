import type { StsError } from './errors.ts';

/**
 * XML rendering for the query protocol. AWS answers with indented XML in a fixed envelope; see the
 * example responses on https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 * and the error shape on https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html.
 */
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An element: text, or child elements. `undefined` children are left out (optional members). */
export interface XmlElement {
  name: string;
  content: string | number | XmlChild[];
}
export type XmlChild = XmlElement | undefined;

export const el = (name: string, content: XmlElement['content']): XmlElement => ({ name, content });

/** Optional member: rendered only when it has a value. */
export const optional = (name: string, value: string | number | undefined): XmlChild =>
  value === undefined ? undefined : el(name, value);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const SPECIAL = /[&<>"']/;

export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

function render(element: XmlElement, depth: number, attributes = ''): string {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${element.name}${attributes}>`;
  if (!Array.isArray(element.content)) {
    return `${open}${escapeXml(String(element.content))}</${element.name}>\n`;
  }
  let children = '';
  for (const child of element.content) {
    if (child !== undefined) children += render(child, depth + 1);
  }
  return `${open}\n${children}${indent}</${element.name}>\n`;
}

/** A whole document with an XML declaration, as EC2 answers (the EC2 stand-in). */
export function renderDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}`;
}

/** `<{Action}Response><{Action}Result>…</…Result><ResponseMetadata>…</…></…Response>` */
export function renderResult(action: string, result: XmlChild[], requestId: string): string {
  const response = el(`${action}Response`, [
    el(`${action}Result`, result),
    el('ResponseMetadata', [el('RequestId', requestId)]),
  ]);
  return render(response, 0, ` xmlns="${STS_NAMESPACE}"`);
}

export function renderError(error: StsError, requestId: string): string {
  const response = el('ErrorResponse', [
    el('Error', [el('Type', error.type), el('Code', error.code), el('Message', error.message)]),
    el('RequestId', requestId),
  ]);
  return render(response, 0, ` xmlns="${STS_NAMESPACE}"`);
}
