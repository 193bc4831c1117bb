// Ported from flet-dev/flet sdk/python/examples/tutorials/solitaire/solitaire-game-setup/card.py (Flet's solitaire tutorial, "game setup").
import { BorderRadius, Colors, Container, GestureDetector, MouseCursor, Text, type DragEndEvent, type DragStartEvent, type DragUpdateEvent } from "weft";
import type { Slot } from "./slot.ts";
import type { Rank, Solitaire, Suite } from "./solitaire.ts";

export const CARD_WIDTH = 70;
export const CARD_HEIGHT = 100;
export const DROP_PROXIMITY = 30;
export const CARD_OFFSET = 20;

const SYMBOLS: Record<string, string> = { hearts: "♥", diamonds: "♦", clubs: "♣", spades: "♠" };

export class Card extends GestureDetector {
  suite: Suite;
  rank: Rank;
  faceUp: boolean;
  solitaire: Solitaire;
  slot: Slot | undefined;
  draggablePile: Card[];

  constructor(solitaire: Solitaire, suite: Suite, rank: Rank) {
    super();
    this.mouseCursor = MouseCursor.MOVE;
    this.dragInterval = 5;
    this.onPanStart = (e) => this.startDrag(e);
    this.onPanUpdate = (e) => this.drag(e);
    this.onPanEnd = (e) => this.drop(e);
    this.suite = suite;
    this.rank = rank;
    this.faceUp = false;
    this.top = undefined;
    this.left = undefined;
    this.solitaire = solitaire;
    this.slot = undefined;
    // The tutorial draws the card's back and faces from its assets' images; weft's port has no
    // copies of them, so the back is a blue box and a face its rank and suit in text.
    this.content = new Container({
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      borderRadius: BorderRadius.all(6),
      bgcolor: Colors.BLUE_700,
      content: new Text(""),
    });
    this.draggablePile = [this];
  }

  get box(): Container {
    return this.content as Container;
  }

  /** Reveals card */
  turnFaceUp() {
    this.faceUp = true;
    this.box.bgcolor = Colors.WHITE;
    this.box.border = undefined;
    const face = this.box.content as Text;
    face.value = `${this.rank.name} ${SYMBOLS[this.suite.name]}`;
    face.color = this.suite.color === "RED" ? Colors.RED : Colors.BLACK;
    this.solitaire.update();
  }

  /** Brings draggable card pile to the top of the stack */
  moveOnTop() {
    for (const card of this.draggablePile) {
      this.solitaire.controls.splice(this.solitaire.controls.indexOf(card), 1);
      this.solitaire.controls.push(card);
    }
    this.solitaire.update();
  }

  /** Returns draggable pile to its original position */
  bounceBack() {
    for (const card of this.draggablePile) {
      if (this.solitaire.tableau.includes(card.slot!)) card.top = card.slot!.top! + card.slot!.pile.indexOf(card) * CARD_OFFSET;
      else card.top = card.slot!.top;
      card.left = card.slot!.left;
    }
    this.solitaire.update();
  }

  /** Place draggable pile to the slot */
  place(slot: Slot) {
    for (const card of this.draggablePile) {
      if (this.solitaire.tableau.includes(slot)) card.top = slot.top! + slot.pile.length * CARD_OFFSET;
      else card.top = slot.top;
      card.left = slot.left;

      // remove card from it's original slot, if exists
      if (card.slot !== undefined) card.slot.pile.splice(card.slot.pile.indexOf(card), 1);

      // change card's slot to a new slot
      card.slot = slot;

      // add card to the new slot's pile
      slot.pile.push(card);
    }
    this.solitaire.update();
  }

  /** returns list of cards that will be dragged together, starting with the current card */
  getDraggablePile() {
    if (this.slot !== undefined) this.draggablePile = this.slot.pile.slice(this.slot.pile.indexOf(this));
    else this.draggablePile = [this]; // slot is undefined when the cards are dealt and need to be placed in a slot for the first time
  }

  startDrag(_e: DragStartEvent) {
    this.getDraggablePile();
    this.moveOnTop();
    this.solitaire.update();
  }

  drag(e: DragUpdateEvent) {
    const top = this.top!;
    const left = this.left!;
    for (const card of this.draggablePile) {
      card.top = Math.max(0, top + e.localDelta.y) + this.draggablePile.indexOf(card) * CARD_OFFSET;
      card.left = Math.max(0, left + e.localDelta.x);
      this.solitaire.update();
    }
  }

  drop(_e: DragEndEvent) {
    for (const slot of this.solitaire.tableau) {
      if (Math.abs(this.top! - (slot.top! + slot.pile.length * CARD_OFFSET)) < DROP_PROXIMITY && Math.abs(this.left! - slot.left!) < DROP_PROXIMITY) {
        this.place(slot);
        this.solitaire.update();
        return;
      }
    }
    for (const slot of this.solitaire.foundations) {
      if (Math.abs(this.top! - slot.top!) < DROP_PROXIMITY && Math.abs(this.left! - slot.left!) < DROP_PROXIMITY) {
        this.place(slot);
        this.solitaire.update();
        return;
      }
    }
    this.bounceBack();
  }
}
