/** The W3C Nu HTML checker (npm vnu-jar) over built pages; needs Java (default-jre-headless). */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./build-site.ts";

const VNU = join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

export interface HtmlError {
  file: string;
  line: number | undefined;
  message: string;
}

/** Errors (not warnings) the checker reports for these HTML files. */
export async function validateHtml(files: string[]): Promise<HtmlError[]> {
  if (!existsSync(VNU)) throw new Error(`${VNU} is missing: run npm ci`);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      "java",
      ["-Xss16m", "-jar", VNU, "--errors-only", "--format", "json", "--stdout", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(
            new Error("java not found: install it with 'apt-get install -y default-jre-headless'"),
          );
        } else if (!out.trim().startsWith("{")) {
          reject(new Error(`vnu failed: ${err || error?.message}`));
        } else resolve(out);
      },
    );
  });
  const report = JSON.parse(stdout) as {
    messages: { type: string; url: string; lastLine?: number; message: string }[];
  };
  return report.messages
    .filter((m) => m.type === "error")
    .map((m) => ({ file: m.url.replace(/^file:/, ""), line: m.lastLine, message: m.message }));
}
