/** The four sides of a `Padding` or a `Margin`, in px. */
export interface SidesProps {
  /** Space on the left, in px. Default 0. */
  left?: number;
  /** Space on the top, in px. Default 0. */
  top?: number;
  /** Space on the right, in px. Default 0. */
  right?: number;
  /** Space on the bottom, in px. Default 0. */
  bottom?: number;
}

/** Shared by `Padding` and `Margin`: four sides, with Flet's constructors. */
abstract class Sides implements SidesProps {
  /** Space on the left, in px. */
  readonly left: number;
  /** Space on the top, in px. */
  readonly top: number;
  /** Space on the right, in px. */
  readonly right: number;
  /** Space on the bottom, in px. */
  readonly bottom: number;
  constructor({ left = 0, top = 0, right = 0, bottom = 0 }: SidesProps = {}) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
  }
}

/**
 * Space inside a box, around its content: `Padding.all(10)`, `Padding.symmetric({ horizontal:
 * 20 })`, `Padding.only({ left: 8 })`, as Flet's `ft.Padding`. A plain number means all four
 * sides too (`padding: 10`).
 */
export class Padding extends Sides {
  /** The same on every side. */
  static all(value: number): Padding {
    return new Padding({ left: value, top: value, right: value, bottom: value });
  }
  /** `vertical` above and below, `horizontal` left and right. */
  static symmetric({ vertical = 0, horizontal = 0 }: { vertical?: number; horizontal?: number }): Padding {
    return new Padding({ left: horizontal, right: horizontal, top: vertical, bottom: vertical });
  }
  /** Only the sides given; the others are 0. */
  static only(sides: SidesProps): Padding {
    return new Padding(sides);
  }
  /** None on any side. */
  static zero(): Padding {
    return new Padding();
  }
}

/** Space outside a box, between it and its neighbours: `Margin.all(10)`…, as Flet's `ft.Margin`. */
export class Margin extends Sides {
  /** The same on every side. */
  static all(value: number): Margin {
    return new Margin({ left: value, top: value, right: value, bottom: value });
  }
  /** `vertical` above and below, `horizontal` left and right. */
  static symmetric({ vertical = 0, horizontal = 0 }: { vertical?: number; horizontal?: number }): Margin {
    return new Margin({ left: horizontal, right: horizontal, top: vertical, bottom: vertical });
  }
  /** Only the sides given; the others are 0. */
  static only(sides: SidesProps): Margin {
    return new Margin(sides);
  }
  /** None on any side. */
  static zero(): Margin {
    return new Margin();
  }
}
