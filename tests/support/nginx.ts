/**
 * Debian's nginx run as an ordinary process on a built site, with the config the build
 * wrote (deploy/nginx.conf): only its `listen` line changes, to a free port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { NGINX_CONFIG_FILE, NGINX_DEFAULT_LISTEN } from "../../src/lib/deploy/nginx.ts";
import { testFolder } from "./build-site.ts";

export const NGINX = process.env["NGINX_PATH"] || "/usr/sbin/nginx";

export interface Nginx {
  origin: string;
  /** What nginx wrote to stderr (its error log). */
  log: () => string;
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts nginx with `<deployDir>/nginx.conf`; fails, saying how to install it, if it is missing. */
export async function startNginx(deployDir: string): Promise<Nginx> {
  if (spawnSync(NGINX, ["-v"]).error) {
    throw new Error(
      `nginx not found at ${NGINX}: install it with 'apt-get install -y nginx' ` +
        `(or set NGINX_PATH), then run npm test again.`,
    );
  }
  const prefix = await testFolder("nginx-");
  const port = await freePort();
  const generated = await readFile(join(deployDir, NGINX_CONFIG_FILE), "utf8");
  const listen = `listen ${NGINX_DEFAULT_LISTEN};`;
  if (!generated.includes(listen)) throw new Error(`${NGINX_CONFIG_FILE} has no "${listen}"`);
  // Beside the generated one, so its `include nginx-site.conf` resolves the same way.
  const config = join(deployDir, "nginx.test.conf");
  await writeFile(config, generated.replace(listen, `listen 127.0.0.1:${port};`));
  // As root (CI), workers would drop to `nobody`, who cannot read a private temp folder.
  const user = process.getuid?.() === 0 ? " user root;" : "";
  const child: ChildProcess = spawn(
    NGINX,
    [
      ...["-e", "stderr", "-p", prefix, "-c", config],
      ...["-g", `daemon off; pid ${join(prefix, "nginx.pid")};${user}`],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${log}`);
    const up = await fetch(`${origin}/`, { method: "HEAD" }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (tries > 100) throw new Error(`nginx did not answer on ${origin}:\n${log}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    origin,
    log: () => log,
    close: async () => {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await exited;
      }
    },
  };
}
