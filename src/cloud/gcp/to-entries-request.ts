import type { ListLogEntriesRequest } from './gcp-sdk-types.js';
import { pageTokenOf } from './read-gcp-pages.js';

/**
 * A Cloud Logging `entries.list` request for the entries of one project in time order
 * (`resourceNames: [projects/{p}]`, `orderBy: timestamp asc`), the page at `token`: how both log
 * search and audit lookup read entries.
 */
export function toEntriesRequest(
  project: string,
  filter: string,
  pageSize: number,
  token: string | undefined,
): ListLogEntriesRequest {
  return {
    resourceNames: [`projects/${project}`],
    filter,
    orderBy: 'timestamp asc',
    pageSize,
    ...pageTokenOf(token),
  };
}
