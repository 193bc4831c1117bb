// Ported from flet-dev/flet sdk/python/examples/tutorials/solitaire/solitaire-game-setup/solitaire.py (Flet's solitaire tutorial, "game setup").
import { Border, Stack } from "weft";
import { Card } from "./card.ts";
import { Slot } from "./slot.ts";

// CARD_OFFSET = 20
export const SOLITAIRE_WIDTH = 1000;
export const SOLITAIRE_HEIGHT = 500;

export class Suite {
  constructor(
    readonly name: string,
    readonly color: string,
  ) {}
}

export class Rank {
  constructor(
    readonly name: string,
    readonly value: number,
  ) {}
}

/** Python's random.shuffle: Fisher–Yates in place. */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

export class Solitaire extends Stack {
  cards: Card[] = [];
  stock!: Slot;
  waste!: Slot;
  foundations: Slot[] = [];
  tableau: Slot[] = [];

  constructor() {
    super();
    this.controls = [];
    this.width = SOLITAIRE_WIDTH;
    this.height = SOLITAIRE_HEIGHT;
  }

  override didMount() {
    this.createCardDeck();
    this.createSlots();
    this.dealCards();
  }

  createCardDeck() {
    const suites = [new Suite("hearts", "RED"), new Suite("diamonds", "RED"), new Suite("clubs", "BLACK"), new Suite("spades", "BLACK")];
    const ranks = [
      new Rank("Ace", 1),
      new Rank("2", 2),
      new Rank("3", 3),
      new Rank("4", 4),
      new Rank("5", 5),
      new Rank("6", 6),
      new Rank("7", 7),
      new Rank("8", 8),
      new Rank("9", 9),
      new Rank("10", 10),
      new Rank("Jack", 11),
      new Rank("Queen", 12),
      new Rank("King", 13),
    ];

    this.cards = [];

    for (const suite of suites) {
      for (const rank of ranks) this.cards.push(new Card(this, suite, rank));
    }
  }

  createSlots() {
    this.stock = new Slot(0, 0, Border.all(1));

    this.waste = new Slot(0, 100, undefined);

    this.foundations = [];
    let x = 300;
    for (let i = 0; i < 4; i++) {
      this.foundations.push(new Slot(0, x, Border.all(1, "outline")));
      x += 100;
    }

    this.tableau = [];
    x = 0;
    for (let i = 0; i < 7; i++) {
      this.tableau.push(new Slot(150, x, undefined));
      x += 100;
    }

    this.controls.push(this.stock);
    this.controls.push(this.waste);
    this.controls.push(...this.foundations);
    this.controls.push(...this.tableau);
    this.update();
  }

  dealCards() {
    shuffle(this.cards);
    this.controls.push(...this.cards);

    // deal to tableau
    let firstSlot = 0;
    const remainingCards = this.cards;

    while (firstSlot < this.tableau.length) {
      for (const slot of this.tableau.slice(firstSlot)) {
        const topCard = remainingCards[0]!;
        topCard.place(slot);
        remainingCards.splice(remainingCards.indexOf(topCard), 1);
      }
      firstSlot += 1;
    }

    // place remaining cards to stock pile
    for (const card of remainingCards) card.place(this.stock);

    this.update();

    for (const slot of this.tableau) slot.getTopCard()!.turnFaceUp();

    this.update();
  }
}
