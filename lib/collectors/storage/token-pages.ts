/**
 * Pages of an API the SDK has no paginator for (DynamoDB ListTagsOfResource, DAX DescribeClusters):
 * an async iterable for `attemptPages`, following NextToken until it is absent.
 */
export async function* tokenPages<P extends { NextToken?: string | undefined }>(
  fetch: (nextToken: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    yield page;
    nextToken = page.NextToken;
  } while (nextToken);
}
