/** The slice this build makes (`--slice`), from src/integrations/slice-output.ts. */
declare module "virtual:build-slice" {
  /** `all`, a year, a range of years (`2001-2012`) or `site`. */
  export const buildSlice: string;
  /** Where related coverage keeps its counted words between builds, in the build cache. */
  export const relatedTermsFile: string;
}
