import { useLayoutEffect } from "react";
import type { PropValue } from "@weft/protocol";
import { applyTheme } from "./theme.ts";

/**
 * Applies the page's `themeMode` ("light" | "dark" | "system", default system) and `seedColor`.
 * In system mode it follows the OS setting live. A layout effect, so a change never flashes the
 * old colours for a frame.
 */
export function usePageTheme(themeMode: PropValue | undefined, seedColor: PropValue | undefined): void {
  const seed = typeof seedColor === "string" ? seedColor : undefined;
  const mode = themeMode === "light" || themeMode === "dark" ? themeMode : "system";
  useLayoutEffect(() => {
    if (mode !== "system") {
      applyTheme(mode, seed);
      return;
    }
    const query = matchMedia("(prefers-color-scheme: dark)");
    const apply = () => applyTheme(query.matches ? "dark" : "light", seed);
    apply();
    query.addEventListener("change", apply);
    return () => query.removeEventListener("change", apply);
  }, [mode, seed]);
}
