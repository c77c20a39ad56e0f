/**
 * Splitting a list into numbered pages: the first at the list's own path, the rest at
 * `.../page/N/`, as one `[...page]` route serves them both.
 */
import { PAGE_SEGMENT, pagedPath } from "./permalink.ts";

/** Articles per page of every paginated list. */
export const PAGE_SIZE = 50;

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1). */
  count: number;
  items: T[];
  /** How many items the whole list has. */
  total: number;
  /** 1-based position of the first item on this page in the whole list (0 when empty). */
  first: number;
  /** 1-based position of the last item on this page. */
  last: number;
  path: string;
  previousPath: string | undefined;
  nextPath: string | undefined;
}

/**
 * Splits a list into pages of `size` (the first at `firstPagePath`, then `.../page/2/`).
 * An empty list still has one, empty, page.
 */
export function paginate<T>(
  items: readonly T[],
  firstPagePath: string,
  size: number = PAGE_SIZE,
): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Not a page size: ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let number = 1; number <= count; number++) {
    const start = (number - 1) * size;
    const pageItems = items.slice(start, start + size);
    pages.push({
      number,
      count,
      items: pageItems,
      total: items.length,
      first: pageItems.length ? start + 1 : 0,
      last: start + pageItems.length,
      path: pagedPath(firstPagePath, number),
      previousPath: number > 1 ? pagedPath(firstPagePath, number - 1) : undefined,
      nextPath: number < count ? pagedPath(firstPagePath, number + 1) : undefined,
    });
  }
  return pages;
}

/**
 * The `page` parameter of a `[...page]` route for page `number`: undefined for page 1
 * (the list's own path), `page/2` for page 2, so the route yields {@link pagedPath}'s URLs.
 */
export function pageParam(number: number): string | undefined {
  if (!Number.isInteger(number) || number < 1) throw new Error(`Not a page number: ${number}`);
  return number === 1 ? undefined : `${PAGE_SEGMENT}/${number}`;
}
