import { lazy, Suspense, useState } from "react";
import { useTopics } from "../useStore.ts";
import { MessagesPanel } from "./MessagesPanel.tsx";
import { SwapsPanel } from "./SwapsPanel.tsx";
import "./BottomPanel.css";

// xterm.js is the largest part of the inspector: loaded when the Terminal tab first opens.
const TerminalPanel = lazy(() => import("./TerminalPanel.tsx"));

type Tab = "messages" | "swaps" | "terminal";

export function BottomPanel({ narrow = false }: { narrow?: boolean }) {
  const store = useTopics("swaps", "messages");
  const [tab, setTab] = useState<Tab>("messages");
  const problems = (store.model.swaps.error ? 1 : 0) + store.console.errors.length;
  return (
    <section className="bottom" aria-label="Messages, swaps and terminal">
      <div className="bottom-tabs" role="tablist">
        <TabButton id="messages" tab={tab} setTab={setTab}>
          Messages <span className="faint">{store.traffic.log.totals.messages.toLocaleString()}</span>
        </TabButton>
        <TabButton id="swaps" tab={tab} setTab={setTab}>
          Swaps &amp; errors <span className="faint">{store.model.swaps.reports.length}</span>
          {problems > 0 && <span className="bottom-badge">{problems}</span>}
        </TabButton>
        <TabButton id="terminal" tab={tab} setTab={setTab}>
          Terminal
        </TabButton>
      </div>
      <div className="bottom-body">
        {tab === "messages" && <MessagesPanel narrow={narrow} />}
        {tab === "swaps" && <SwapsPanel />}
        {tab === "terminal" && (
          <Suspense fallback={<p className="empty">Loading the terminal…</p>}>
            <TerminalPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}

function TabButton({ id, tab, setTab, children }: { id: Tab; tab: Tab; setTab(t: Tab): void; children: React.ReactNode }) {
  return (
    <button role="tab" aria-selected={tab === id} className="bottom-tab" data-testid={`tab-${id}`} onClick={() => setTab(id)}>
      {children}
    </button>
  );
}
