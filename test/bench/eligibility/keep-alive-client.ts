import { Agent, request } from 'node:http';

/**
 * A plain HTTP/1.1 client on one kept-alive connection, as a dialer's own client would be: it does
 * only what a GraphQL POST needs. Node's `fetch` (undici, with web streams) spends about as much
 * CPU per request as the server's GraphQL layer, and in this benchmark it runs in the server's
 * process, so the benchmark times the round trip with both clients.
 */
export class KeepAliveClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(
    url: string,
    private readonly key: string,
  ) {
    this.url = new URL(url);
  }

  /** POSTs one GraphQL operation and resolves with the parsed JSON body. */
  graphql<Data>(query: string, variables: Record<string, unknown>): Promise<{ data?: Data; errors?: unknown[] }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${this.key}`,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(text));
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
