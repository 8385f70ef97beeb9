import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for AWS's federation endpoint in the broker's tests: it records every request and
 * answers what the test tells it to.
 */
export interface RecordedRequest {
  method: string;
  /** Path and query string as received: a credential in it would show here. */
  url: string;
  contentType: string | undefined;
  form: URLSearchParams;
}

export interface FakeAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FakeFederation {
  url: string;
  requests: RecordedRequest[];
  answer: (request: RecordedRequest) => FakeAnswer;
  close(): Promise<void>;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const signinTokenAnswer = (token: string): FakeAnswer => ({
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ SigninToken: token }),
});

export async function startFakeFederation(): Promise<FakeFederation> {
  const fake: Omit<FakeFederation, 'url' | 'close'> = {
    requests: [],
    answer: () => signinTokenAnswer('fake-signin-token'),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readText(request).then((text) => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: request.headers['content-type'],
        form: new URLSearchParams(text),
      };
      fake.requests.push(recorded);
      const { status, body = '', headers = {} } = fake.answer(recorded);
      response.writeHead(status, headers);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}/federation`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
