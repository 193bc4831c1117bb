// Ported from flet-dev/flet sdk/python/examples/tutorials/solitaire/solitaire-game-setup/main.py (Flet's solitaire tutorial, "game setup").
import type { Page } from "weft";
import { Solitaire } from "./solitaire.ts";

export default function main(page: Page) {
  const solitaire = new Solitaire();

  page.add(solitaire);
}
