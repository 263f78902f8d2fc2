export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  body: { data?: Data | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  text: string;
}

/** POSTs one GraphQL operation, as any HTTP client would. */
export async function graphql<Data = Record<string, unknown>>(
  url: string,
  query: string,
  options: { key?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.key !== undefined && { authorization: `Bearer ${options.key}` }),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}
