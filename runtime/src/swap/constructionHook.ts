import { creationHint, type Control, type ControlProps } from "../controls/control.ts";
import { hook } from "../hook.ts";
import type { BuildContext } from "./buildContext.ts";
import { runContext } from "./runContext.ts";
import { noteRenderConstruction } from "./renderSites.ts";
import { emptyControl, saveControl } from "./savedState.ts";

/**
 * The construction hook installed by the swap engine (the runtime's one seam for it, in
 * controls/control.ts): what a `new X(...)` does while a build of `main` runs, by `BuildMode`.
 */
export function swapConstructionHook(fresh: Control, props: ControlProps | undefined): Control | undefined {
  const build = runContext.getStore()?.build;
  if (!build || build.closed) {
    noteRenderConstruction(fresh);
    return undefined;
  }
  const ordinal = build.log.length;
  switch (build.mode) {
    case "record":
    case "probe":
      build.log.push(fresh);
      return undefined;
    case "restart": {
      const page = build.page;
      if (ordinal === 0 && page) {
        emptyControl(page, fresh, undefined);
        build.log.push(page);
        return page;
      }
      build.log.push(fresh);
      return undefined;
    }
    case "bind": {
      if (!build.diverged) build.diverged = divergence(build, ordinal, fresh, props);
      const live = build.diverged ? undefined : build.reuse?.get(ordinal);
      // Another session, whose tree agreed with this one's, ran this main already: its k-th
      // construction came from the same line (if it is of the same kind: a class the edit
      // defined again is a new constructor of the same family).
      const like = build.siteTemplate?.[ordinal];
      if (like && hook.active && !build.diverged && (build.familyOf ?? classOf)(like) === (build.familyOf ?? classOf)(fresh)) creationHint.sameSiteAs = like;
      if (live && build.saved && !build.saved.has(live)) {
        build.saved.set(live, saveControl(live));
        emptyControl(live, fresh, build.sameFamily);
        if (props) live.assign(props);
        build.log.push(live);
        return live;
      }
      build.log.push(fresh);
      return undefined;
    }
    default: {
      const unreachable: never = build.mode;
      return unreachable;
    }
  }
}

function divergence(build: BuildContext, ordinal: number, fresh: Control, props: ControlProps | undefined): string | undefined {
  const expected = build.probeLog?.[ordinal];
  const familyOf = build.familyOf ?? classOf;
  if (!expected) return `the second run of main built more controls than the first (${nameOf(fresh)} #${ordinal + 1})`;
  if (familyOf(expected) !== familyOf(fresh)) {
    return `construction #${ordinal + 1} was a ${nameOf(expected)} in the first run of main and a ${nameOf(fresh)} in the second`;
  }
  const expectedKey = build.expectedKey ? build.expectedKey(expected) : expected._p.key;
  if (props?.key !== undefined && props.key !== expectedKey) {
    return `construction #${ordinal + 1} (${nameOf(fresh)}) had key ${JSON.stringify(expectedKey)} in the first run of main and ${JSON.stringify(props.key)} in the second`;
  }
  return undefined;
}

const classOf = (c: Control): object => c.constructor;

function nameOf(c: Control): string {
  return c.constructor.name || "a control";
}
