import { connect } from 'node:net';

/**
 * Test support: sends one HTTP/1.1 request exactly as written, for what fetch refuses to send
 * (another Host header, a request target that is no URL), and reads the whole answer.
 */
export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

export function rawRequest(url: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers = '', ...body] = text.split('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), headers, body: body.join('\r\n\r\n') });
    });
    socket.end(`${head.trim().split('\n').join('\r\n')}\r\nConnection: close\r\n\r\n`);
  });
}
