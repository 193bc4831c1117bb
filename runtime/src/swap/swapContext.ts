import type { Control } from "../controls/control.ts";
import type { PageSeams } from "./pageSeams.ts";
import type { SwapRegistry } from "./registry.ts";
import type { SessionBuilds } from "./sessionBuild.ts";

/** What the steps of a swap share: the engine's registry, the sessions' builds, the page seams, the budgets. */
export interface SwapContext {
  readonly registry: SwapRegistry;
  readonly builds: SessionBuilds;
  readonly seams: PageSeams;
  /** How long a probe or bind waits for an async `main`. */
  readonly budgetMs: number;
  /** Silences the app's output (while a run of main the user does not see goes on). */
  mute(muted: boolean): void;
  /** Which family a control's class belongs to (every version of one class, or one component, is one family). */
  familyOf(control: Control): object;
}
