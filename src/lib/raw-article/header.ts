/**
 * The header of a raw text: the rest of the date line, then the lines after it that are
 * header shapes (headline, time stamp, dateline, bylines, `Agency:` line, furniture), up
 * to the first line of the body. Pure.
 */
import {
  classify,
  collapse,
  isBlank,
  splitNames,
  withoutFurniture,
  type HeaderLine,
} from "./line-shapes.ts";

/** What the header says. */
export interface Header {
  headline?: string | undefined;
  /** `By X` on the date line: the agency, or the author when it alone names a person. */
  dateLineCredit?: string | undefined;
  /** The agency a byline, an `Agency:` line or a dateline names. */
  agency?: string | undefined;
  bylineAuthors: string[];
  /** Text after `By A – Agency:` on the same line: the body's first line. */
  bodyHead?: string | undefined;
  /** Index of the first line after the header. */
  end: number;
}

/**
 * Reads the header: `rest`, what follows the date on the date line at `dateLineIndex`,
 * then the header lines after it, up to the first line of the body.
 */
export function readHeader(lines: string[], dateLineIndex: number, rest: string): Header {
  const header: Header = { bylineAuthors: [], end: dateLineIndex + 1 };
  const restText = withoutFurniture(rest);
  if (restText !== "") {
    const shape = classify(restText);
    if (shape === undefined) header.headline = collapse(restText);
    else takeHeaderLine(header, shape, "date line");
  }

  let index = dateLineIndex + 1;
  let consumedHeader = false;
  while (header.bodyHead === undefined && index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      index++;
      continue;
    }
    const shape = classify(line);
    if (shape === undefined) {
      if (header.headline === undefined && !consumedHeader && headerFollows(lines, index)) {
        header.headline = collapse(withoutFurniture(line));
        consumedHeader = true;
        index++;
        continue;
      }
      break;
    }
    // An `Agency:` line credits the source only when nothing else has; otherwise a short
    // capitalized line ending in a colon is the start of the body.
    if (shape.kind === "agency-line" && (header.agency ?? header.dateLineCredit) !== undefined) {
      break;
    }
    consumedHeader = true;
    index++;
    takeHeaderLine(header, shape, "own line");
  }
  header.end = index;
  return header;
}

/**
 * Whether the line at `index` is a headline on its own line: the next non-blank line is
 * header furniture (a time stamp, a dateline or a byline).
 */
function headerFollows(lines: string[], index: number): boolean {
  const next = lines.findIndex((line, i) => i > index && !isBlank(line));
  const shape = next === -1 ? undefined : classify(lines[next]!);
  return shape !== undefined && shape.kind !== "furniture" && shape.kind !== "agency-line";
}

/**
 * Takes what one header line says into `header`. A plain `By X` on the date line may name
 * the agency or the author (decided with the credits); on its own line it names authors.
 */
function takeHeaderLine(header: Header, shape: HeaderLine, where: "date line" | "own line") {
  switch (shape.kind) {
    case "byline":
      if (where === "date line") header.dateLineCredit = shape.credit;
      else header.bylineAuthors.push(...splitNames(shape.credit));
      break;
    case "agency-byline":
      header.bylineAuthors.push(...shape.authors);
      header.agency = shape.agency;
      if (shape.rest.trim() !== "") header.bodyHead = shape.rest;
      break;
    case "agency-line":
      header.agency = shape.agency;
      break;
    case "dateline":
      // A byline's or `Agency:` line's credit outranks the dateline's.
      header.agency ??= shape.agency;
      break;
    case "timestamp":
    case "furniture":
      break;
  }
}
