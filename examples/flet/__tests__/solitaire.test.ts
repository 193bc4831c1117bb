import { describe, expect, it } from "vitest";
import { openSession, type ControlHandle, type HeadlessSession } from "weft/testing";
import main from "../solitaire/main.ts";

const cards = (s: HeadlessSession) => s.findAll({ type: "Card" });
const at = (card: ControlHandle) => [card.props.left as number, card.props.top as number];
/** What the card shows: its Container's Text (empty while face down). */
const face = (s: HeadlessSession, card: ControlHandle) => {
  const box = s.mirror.get(card.node.c.content![0]!);
  return String(s.mirror.get(box.c.content![0]!).p.value ?? "");
};
const faceUp = (s: HeadlessSession) => cards(s).filter((card) => face(s, card) !== "");
/** The card drawn on top at (left, top): the last one in the Stack, as the browser paints it. */
const topCardAt = (s: HeadlessSession, left: number, top: number) => cards(s).filter((card) => card.props.left === left && card.props.top === top).at(-1)!;

describe("Flet's solitaire tutorial (game setup), ported", () => {
  it("deals in didMount: 28 cards fanned over seven tableau piles, the top of each face up, 24 in the stock", async () => {
    const s = await openSession(main);
    expect(cards(s)).toHaveLength(52);
    expect(s.findAll({ type: "Slot" })).toHaveLength(13);
    const tableau = cards(s).filter((card) => card.props.top !== 0);
    const piles = [0, 100, 200, 300, 400, 500, 600].map((left) => tableau.filter((card) => card.props.left === left).length);
    expect(piles).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cards(s).filter((card) => card.props.left === 0 && card.props.top === 0)).toHaveLength(24);
    // the last card of each pile, 20 px lower per card, shows its rank and suit
    expect(faceUp(s).map(at).sort((a, b) => a[0]! - b[0]!)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => [i * 100, 150 + i * 20]));
    expect(face(s, faceUp(s)[0]!)).toMatch(/^(Ace|[2-9]|10|Jack|Queen|King) [♥♦♣♠]$/);
    expect(cards(s)[0]!.props).toMatchObject({ mouseCursor: "move", dragInterval: 5 });
  });

  it("drops a dragged card on a foundation it is let go near, and brings it to the top", async () => {
    const s = await openSession(main);
    const card = topCardAt(s, 0, 150);
    const label = face(s, card);
    expect(label).not.toBe("");
    await card.drag(310, -140, 4); // lands at (310, 10): within 30 px of the first foundation (300, 0)
    const moved = cards(s).find((c) => face(s, c) === label)!;
    expect(at(moved)).toEqual([300, 0]);
    expect(face(s, cards(s).at(-1)!)).toBe(label); // moved on top of the stack
  });

  it("moves a pile together and sends it back where it came from when dropped far from any slot", async () => {
    const s = await openSession(main);
    const second = cards(s).filter((card) => card.props.left === 100);
    expect(second.map((card) => card.props.top)).toEqual([150, 170]);
    await second[0]!.drag(250, 200, 5); // the face-down card and the one on it, dropped in the open
    const pile = cards(s).filter((card) => card.props.left === 100);
    expect(pile.map((card) => card.props.top)).toEqual([150, 170]);
  });
});
