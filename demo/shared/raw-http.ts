import { connect, type Socket } from 'node:net';

/**
 * Test support: sends one HTTP/1.1 request exactly as written, for what fetch refuses to send
 * (another Host header, a request target that is no URL), and reads the whole answer.
 */
export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

function connectTo(url: string) {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return connect({ host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) });
}

const asWritten = (head: string) => head.trim().split('\n').join('\r\n');

/** Everything the server sends on the socket, once it has ended (`end`) or closed (`close`). */
function answerOf(socket: Socket, until: 'end' | 'close'): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on(until, () => resolve(text));
  });
}

export async function rawRequest(url: string, head: string): Promise<RawAnswer> {
  const socket = connectTo(url);
  const answer = answerOf(socket, 'end');
  // Written, not ended: a half-closed connection makes Node drop a request still being answered.
  // The server closes the connection after its answer.
  socket.write(`${asWritten(head)}\r\nConnection: close\r\n\r\n`);
  const [headers = '', ...body] = (await answer).split('\r\n\r\n');
  return { status: Number(headers.split(' ')[1]), headers, body: body.join('\r\n\r\n') };
}

/** Sends one whole request with its body, then hangs up without waiting for the answer. */
export function abandonRequest(url: string, head: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connectTo(url);
    socket.on('error', reject);
    socket.on('close', () => resolve());
    const length = Buffer.byteLength(body);
    socket.end(`${asWritten(head)}\r\nContent-Length: ${length}\r\n\r\n${body}`, () =>
      socket.destroy(),
    );
  });
}

/**
 * Sends a request whose body stops halfway, then hangs up its side; resolves when the server has
 * closed the connection too (a server that never does leaves this pending).
 */
export function hangUpMidBody(url: string, head: string, partialBody: string): Promise<string> {
  const socket = connectTo(url);
  const answer = answerOf(socket, 'close');
  const length = Buffer.byteLength(partialBody) * 2;
  socket.end(`${asWritten(head)}\r\nContent-Length: ${length}\r\n\r\n${partialBody}`);
  return answer;
}
