import { creationHint, metaOf, type Control } from "../controls/control.ts";
import { hook } from "../hook.ts";

/**
 * Creation sites ("reveal in editor") shared between the sessions' re-renders of one component
 * during one swap, as `SiteTemplate` shares main's: the agent reads one stack per construction,
 * and a swap re-renders every instance of an edited component in every session. The first
 * render of a component makes the template; a later render of the same component takes the
 * k-th construction's site from it when the two instances showed the same tree before the render
 * (the same kinds, node by node: their renders took the same branches) and the k-th
 * constructions are of the same kind. Anything else records its own site, as without a swap.
 */
export class RenderSites {
  private readonly templates = new Map<unknown, { before: readonly object[]; log: readonly Control[] }>();

  constructor(private readonly familyOf: (control: Control) => object) {}

  /** Runs `render` (a render of `component`, synchronous), sharing creation sites as above. */
  around<T>(component: Control & { def: unknown }, render: () => T): T {
    if (!hook.active) return render();
    const before = kindsUnder(component, this.familyOf);
    const template = this.templates.get(component.def);
    const shared = template && sameKinds(template.before, before) ? template.log : undefined;
    const previous = active;
    const recording: ActiveRender = { log: [], familyOf: this.familyOf, ...(shared ? { template: shared } : {}) };
    active = recording;
    try {
      return render();
    } finally {
      active = previous;
      if (!template) this.templates.set(component.def, { before, log: recording.log });
    }
  }
}

interface ActiveRender {
  log: Control[];
  template?: readonly Control[];
  familyOf: (control: Control) => object;
}

let active: ActiveRender | null = null;

/**
 * Called by the construction hook for a construction outside a build of main: inside a render
 * `RenderSites.around` runs, it is logged, and hinted when the template's k-th is of its kind.
 */
export function noteRenderConstruction(fresh: Control): void {
  if (!active) return;
  const like = active.template?.[active.log.length];
  active.log.push(fresh);
  if (like && active.familyOf(like) === active.familyOf(fresh)) creationHint.sameSiteAs = like;
}

/** The kinds of the controls under `root`, in tree order (what its last render built). */
function kindsUnder(root: Control, familyOf: (control: Control) => object): object[] {
  const kinds: object[] = [];
  const visit = (control: Control) => {
    kinds.push(familyOf(control));
    for (const slot in metaOf(control).slots) for (const child of control._children(slot)) visit(child);
  };
  visit(root);
  return kinds;
}

function sameKinds(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
