/**
 * Flet's `Alignment`: a point in a box, relative to its centre, `x` and `y` from -1 (left, top)
 * to 1 (right, bottom). `Alignment.CENTER` is (0, 0), `Alignment.TOP_LEFT` (-1, -1).
 *
 * ```ts
 * new Container({ alignment: Alignment.CENTER, content })
 * new Container({ alignment: new Alignment(0.5, -1), content }) // three quarters across the top
 * ```
 */
export class Alignment {
  constructor(
    /** From -1 (the left edge) through 0 (the centre) to 1 (the right edge). */
    readonly x: number,
    /** From -1 (the top edge) through 0 (the centre) to 1 (the bottom edge). */
    readonly y: number,
  ) {}

  /** A copy with `x` or `y` changed. */
  copy({ x = this.x, y = this.y }: { x?: number; y?: number } = {}): Alignment {
    return new Alignment(x, y);
  }

  /** The top left corner (-1, -1). */
  static readonly TOP_LEFT = new Alignment(-1, -1);
  /** The middle of the top edge (0, -1). */
  static readonly TOP_CENTER = new Alignment(0, -1);
  /** The top right corner (1, -1). */
  static readonly TOP_RIGHT = new Alignment(1, -1);
  /** The middle of the left edge (-1, 0). */
  static readonly CENTER_LEFT = new Alignment(-1, 0);
  /** The centre (0, 0). */
  static readonly CENTER = new Alignment(0, 0);
  /** The middle of the right edge (1, 0). */
  static readonly CENTER_RIGHT = new Alignment(1, 0);
  /** The bottom left corner (-1, 1). */
  static readonly BOTTOM_LEFT = new Alignment(-1, 1);
  /** The middle of the bottom edge (0, 1). */
  static readonly BOTTOM_CENTER = new Alignment(0, 1);
  /** The bottom right corner (1, 1). */
  static readonly BOTTOM_RIGHT = new Alignment(1, 1);
}
