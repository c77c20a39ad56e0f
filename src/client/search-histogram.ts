/**
 * "Results over time" on the search page: an inline SVG of matching articles per year (or
 * month) above the results, redrawn with each answer as shards arrive, and the same counts
 * as a table under a disclosure. The SVG is hidden from screen readers, which read the
 * table; its periods are links to the search restricted to them, so the keyboard and
 * pointers alike (a click on a bar) set the date range. The bins and geometry come from
 * src/lib/search/histogram.ts; the page (src/client/search-page.ts) owns the state.
 */
import type { DateRange } from "../lib/search/dates.ts";
import {
  barGeometry,
  binText,
  histogramOf,
  labelledBins,
  type Histogram,
  type MonthCounts,
} from "../lib/search/histogram.ts";

const SVG = "http://www.w3.org/2000/svg";
/** The chart's box in SVG units: bars above, one line of labels below. */
const WIDTH = 600;
const BARS_HEIGHT = 100;
const HEIGHT = 124;
/** Room a label under a bar needs, in SVG units (`2019`, `Sep`). */
const LABEL_WIDTH = 40;

/** `period`: the year (`2019`) or month (`2019-03`) picked, both ends of the new range. */
export type OnSelect = (period: string) => void;

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** A plain left click (not one that opens a new tab or window). */
const plainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

export class ResultHistogram {
  readonly #figure: HTMLElement;
  readonly #caption: HTMLElement;
  readonly #chart: SVGSVGElement;
  readonly #tableCaption: HTMLElement;
  readonly #unit: HTMLElement;
  readonly #rows: HTMLTableSectionElement;
  readonly #hrefOf: (period: string) => string;

  /**
   * `root`: the element holding `[data-search-histogram]`; `hrefOf`: the search URL for a
   * period; `onSelect`: called when the reader picks one.
   */
  constructor(root: HTMLElement, hrefOf: (period: string) => string, onSelect: OnSelect) {
    const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
    this.#figure = find("[data-search-histogram]");
    this.#caption = find("[data-histogram-caption]");
    this.#chart = find("[data-histogram-chart]");
    this.#tableCaption = find("[data-histogram-table-caption]");
    this.#unit = find("[data-histogram-unit]");
    this.#rows = find("[data-histogram-rows]");
    this.#hrefOf = hrefOf;
    this.#chart.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    this.#chart.addEventListener("click", (event) => {
      const bar = (event.target as Element).closest("[data-period]");
      if (bar && plainClick(event)) onSelect(bar.getAttribute("data-period")!);
    });
    this.#rows.addEventListener("click", (event) => {
      const link = (event.target as Element).closest("a[data-period]");
      if (!link || !plainClick(event)) return;
      event.preventDefault();
      // The table is redrawn for the new range: keep the reader at the figure.
      this.#figure.focus();
      onSelect(link.getAttribute("data-period")!);
    });
  }

  /** Draws the counts so far within `range`; hidden when nothing matches. */
  show(months: MonthCounts, range: DateRange): void {
    const histogram = histogramOf(months, range);
    this.#figure.hidden = histogram === null;
    if (!histogram) return;
    this.#caption.textContent = histogram.caption;
    this.#tableCaption.textContent = histogram.caption;
    this.#unit.textContent = histogram.unit === "year" ? "Year" : "Month";
    this.#drawChart(histogram);
    this.#fillTable(histogram);
  }

  clear(): void {
    this.#figure.hidden = true;
  }

  #drawChart({ bins }: Histogram): void {
    const bars = barGeometry(
      bins.map((bin) => bin.count),
      WIDTH,
      BARS_HEIGHT,
    );
    const labelled = new Set(labelledBins(bins.length, WIDTH, LABEL_WIDTH));
    const slot = WIDTH / bins.length;
    const groups = bins.map((bin, i) => {
      const bar = bars[i]!;
      const group = svgElement("g", { "data-period": bin.period, class: "histogram-bin" });
      const title = svgElement("title", {});
      title.textContent = binText(bin);
      // The whole slot takes a click, so a short bar is as easy to hit as a tall one.
      const hit = svgElement("rect", {
        class: "histogram-hit",
        x: i * slot,
        y: 0,
        width: slot,
        height: BARS_HEIGHT,
      });
      const rect = svgElement("rect", { class: "histogram-bar", ...bar });
      group.append(title, hit, rect);
      if (labelled.has(i)) {
        const label = svgElement("text", {
          class: "histogram-label",
          x: i * slot + slot / 2,
          y: HEIGHT - 6,
          "text-anchor": "middle",
        });
        label.textContent = bin.short;
        group.append(label);
      }
      return group;
    });
    const axis = svgElement("line", {
      class: "histogram-axis",
      x1: 0,
      x2: WIDTH,
      y1: BARS_HEIGHT + 0.5,
      y2: BARS_HEIGHT + 0.5,
    });
    this.#chart.replaceChildren(...groups, axis);
  }

  #fillTable({ bins }: Histogram): void {
    const rows = bins.map((bin) => {
      const row = document.createElement("tr");
      const period = document.createElement("th");
      period.scope = "row";
      const link = document.createElement("a");
      link.href = this.#hrefOf(bin.period);
      link.dataset["period"] = bin.period;
      link.textContent = bin.label;
      period.append(link);
      const count = document.createElement("td");
      count.textContent = bin.count.toLocaleString("en");
      row.append(period, count);
      return row;
    });
    this.#rows.replaceChildren(...rows);
  }
}
