import { useLayoutEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { PropValue } from "@weft/protocol";
import { applyTheme, cachedScheme, loadScheme, readTheme, seedHex, type Brightness, type ThemeSpec } from "./theme.ts";

const darkQuery = () => matchMedia("(prefers-color-scheme: dark)");
const subscribeToScheme = (onChange: () => void) => {
  const query = darkQuery();
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Applies the page's `themeMode` ("light" | "dark" | "system", default system, as in Flet) with
 * `theme` in light mode and `darkTheme` in dark mode. Without a `darkTheme`, dark mode uses
 * `theme`, as Flet does; weft's older `seedColor` prop still seeds both. In system mode it follows
 * the OS setting live. Returns false while a seed's scheme is being computed for the first time
 * (the page stays hidden meanwhile, so it never flashes the default colours).
 */
export function usePageTheme(p: Readonly<Record<string, PropValue>>): boolean {
  const systemDark = useSyncExternalStore(subscribeToScheme, () => darkQuery().matches);
  const brightness: Brightness = p.themeMode === "light" || p.themeMode === "dark" ? p.themeMode : systemDark ? "dark" : "light";
  const key = JSON.stringify([p.theme ?? null, p.darkTheme ?? null, p.seedColor ?? null]);
  const theme = useMemo((): ThemeSpec => {
    const legacySeed = typeof p.seedColor === "string" ? { colorSchemeSeed: p.seedColor } : {};
    const light = { ...legacySeed, ...readTheme(p.theme) };
    return brightness === "dark" ? (readTheme(p.darkTheme) ?? light) : light;
    // `key` stands for the three props: their objects are new on every patch of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, brightness]);
  const seed = seedHex(theme.colorSchemeSeed);
  const [, setLoaded] = useState(0);
  const scheme = cachedScheme(seed, brightness);
  useLayoutEffect(() => {
    if (scheme) {
      applyTheme(brightness, theme, scheme);
      return;
    }
    let live = true;
    loadScheme(seed, brightness).then(
      () => live && setLoaded((n) => n + 1),
      (err: unknown) => console.error("[weft] could not compute the colour scheme", err),
    );
    return () => {
      live = false;
    };
  }, [brightness, theme, seed, scheme]);
  return scheme !== undefined;
}
