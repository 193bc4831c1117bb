import { useTopics } from "../useStore.ts";
import { PostMortemPanel } from "./PostMortemPanel.tsx";
import { PropsPanel } from "./PropsPanel.tsx";

/** Right of the tree: the selected control, and for an ended or crashed session what went wrong. */
export function SidePanel() {
  const store = useTopics("sessions", "history");
  const session = store.sessionId ? store.sessions.get(store.sessionId) : undefined;
  const showPostMortem = store.showingDead || session?.crashed !== undefined;
  return (
    <section className="pane side" aria-label="Selected control">
      {showPostMortem && <PostMortemPanel />}
      <PropsPanel />
    </section>
  );
}
