import open from "open";

/**
 * `--view browser`: opens the app's URL in the user's default browser, as Vite's `--open` does
 * (with the `open` package: `xdg-open`, `open` or `start`, which also honour `$BROWSER`). Never
 * fails the app: a machine without a browser gets a line saying to open the URL by hand.
 */
export async function openInBrowser(url: string): Promise<void> {
  try {
    const child = await open(url);
    child.once("error", (err) => console.warn(`weft: could not open a browser (${err.message}); open ${url} yourself.`));
  } catch (err) {
    console.warn(`weft: could not open a browser (${err instanceof Error ? err.message : String(err)}); open ${url} yourself.`);
  }
}
