import { useEffect, useRef, useState } from "react";
import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useTopics } from "../useStore.ts";
import "./TerminalPanel.css";

const themes = {
  dark: { background: "#15171c", foreground: "#d7dbe2", cursor: "#4c8dff", selectionBackground: "#1d3a66" },
  light: { background: "#ffffff", foreground: "#1e232b", cursor: "#2563eb", selectionBackground: "#d6e4ff", black: "#1e232b", brightBlack: "#5f6876", white: "#9aa2ae", brightWhite: "#5f6876", yellow: "#9a6700", brightYellow: "#9a6700" },
};

/**
 * The app's output (stdout and stderr, colours kept) in xterm.js, and a console that evaluates
 * expressions in the app's process with `$page` (the shown session's page), `$sel` (the selected
 * control), `$session` and `$sessions` in scope. The devserver answers only a tool on this
 * machine that has the token.
 */
export default function TerminalPanel() {
  const store = useTopics("selection", "sessions");
  const host = useRef<HTMLDivElement>(null);
  const [input, setInput] = useState("");
  const history = useRef<string[]>([]);
  const cursor = useRef(0);

  useEffect(() => {
    const theme = document.documentElement.dataset.theme === "light" ? themes.light : themes.dark;
    const term = new Terminal({
      convertEol: true,
      scrollback: 10_000,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
      fontSize: 12,
      theme,
      disableStdin: true,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    const initial = store.console.log.text();
    if (initial) term.write(initial);
    else term.write("\x1b[90mThe app's output appears here. Type an expression below: $page, $sel, $session.\x1b[39m\r\n");
    const undo = store.console.log.subscribe((text) => term.write(text));
    const resize = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
    });
    resize.observe(host.current!);
    const themeWatch = new MutationObserver(() => {
      term.options.theme = document.documentElement.dataset.theme === "light" ? themes.light : themes.dark;
    });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    Object.defineProperty(window, "__inspectorTerminal", { value: term, configurable: true });
    return () => {
      undo();
      resize.disconnect();
      themeWatch.disconnect();
      term.dispose();
    };
  }, [store]);

  const live = store.showingLive;
  const selected = store.selection.selected;
  const sel = selected !== null ? store.nameOfControl(selected) : undefined;
  return (
    <div className="term">
      <div className="term-xterm" ref={host} data-testid="terminal" />
      <form
        className="term-console"
        onSubmit={(e) => {
          e.preventDefault();
          const expr = input.trim();
          if (!expr) return;
          history.current.push(expr);
          cursor.current = history.current.length;
          setInput("");
          void store.console.evaluate(expr, store.selection.selected);
        }}
      >
        <span className="term-prompt">›</span>
        <input
          type="text"
          className="mono"
          data-testid="console-input"
          aria-label="Evaluate in the app"
          placeholder={`Evaluate in the app: $page${live ? "" : " (no live session: $sessions)"}${sel ? `, $sel = ${sel}` : ", $sel (select a control)"}`}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            const h = history.current;
            if (e.key === "ArrowUp" && cursor.current > 0) {
              cursor.current--;
              setInput(h[cursor.current]!);
              e.preventDefault();
            } else if (e.key === "ArrowDown") {
              cursor.current = Math.min(h.length, cursor.current + 1);
              setInput(h[cursor.current] ?? "");
              e.preventDefault();
            }
          }}
        />
        <button type="button" onClick={() => store.console.log.clear()} title="Forget the kept output (the terminal keeps its own scrollback)">
          clear
        </button>
      </form>
    </div>
  );
}
