// Ported from flet-dev/flet sdk/python/examples/tutorials/solitaire/solitaire-game-setup/slot.py (Flet's solitaire tutorial, "game setup").
import { BorderRadius, Container, type Border } from "weft";
import type { Card } from "./card.ts";

export const SLOT_WIDTH = 70;
export const SLOT_HEIGHT = 100;

export class Slot extends Container {
  pile: Card[] = [];

  constructor(top: number, left: number, border: Border | undefined) {
    super();
    this.width = SLOT_WIDTH;
    this.height = SLOT_HEIGHT;
    this.left = left;
    this.top = top;
    this.border = border;
    this.borderRadius = BorderRadius.all(6);
  }

  getTopCard(): Card | undefined {
    if (this.pile.length > 0) return this.pile[this.pile.length - 1];
    return undefined;
  }
}
