/** The package manager that started this process (npm, pnpm, yarn, bun), from its user agent; npm when unknown. */
export function packageManager(userAgent = process.env.npm_config_user_agent ?? ""): "npm" | "pnpm" | "yarn" | "bun" {
  const name = userAgent.split(" ")[0]?.split("/")[0];
  return name === "pnpm" || name === "yarn" || name === "bun" ? name : "npm";
}

/** The commands that follow a scaffold, in that manager's words (`npm run dev`, `pnpm dev`…). */
export function nextSteps(folder: string | undefined, manager: ReturnType<typeof packageManager>): string[] {
  const run = (script: string) => (manager === "npm" ? `npm run ${script}` : `${manager} ${script}`);
  return [...(folder ? [`cd ${folder.includes(" ") ? JSON.stringify(folder) : folder}`] : []), `${manager} install`, run("dev")];
}
