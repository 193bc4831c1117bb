import type { ColorValue } from "../constants/colors.ts";

/** What `new BorderSide({ … })` takes: the line's width and colour. */
export interface BorderSideProps {
  /** Default 1. */
  width?: number;
  /** Default `Colors.BLACK`, as in Flet. */
  color?: ColorValue;
}

export interface BorderSide extends BorderSideProps {}

/** One side of a border: `new BorderSide(2, Colors.RED)` (Flet's `ft.BorderSide(2, ft.Colors.RED)`). */
export class BorderSide {
  constructor(width?: number | BorderSideProps, color?: ColorValue) {
    Object.assign(this, typeof width === "object" ? width : { width: width ?? 1, color: color ?? "black" });
  }
}

/** The sides of a `Border`, each a `BorderSide` or its props; an unset side has no line. */
export interface BorderProps {
  /** The line along the top edge: `new BorderSide(1, Colors.OUTLINE)` or `{ width: 1, color }`. */
  top?: BorderSide | BorderSideProps;
  /** The line along the right edge. */
  right?: BorderSide | BorderSideProps;
  /** The line along the bottom edge (an underline: set only this one). */
  bottom?: BorderSide | BorderSideProps;
  /** The line along the left edge. */
  left?: BorderSide | BorderSideProps;
}

export interface Border extends BorderProps {}

/**
 * A box's border, side by side, with Flet's constructors: `Border.all(2, Colors.RED)`,
 * `Border.symmetric({ vertical, horizontal })`, `Border.only({ bottom: new BorderSide(1) })`.
 */
export class Border {
  constructor(props: BorderProps = {}) {
    Object.assign(this, props);
  }
  /** The same side all round: `Border.all(width, color)` or `Border.all(side)`. */
  static all(width?: number | BorderSide, color?: ColorValue): Border {
    const side = width instanceof BorderSide ? width : new BorderSide(width, color);
    return new Border({ top: side, right: side, bottom: side, left: side });
  }
  /** `vertical` left and right, `horizontal` top and bottom (Flet's naming). */
  static symmetric({ vertical, horizontal }: { vertical?: BorderSide; horizontal?: BorderSide }): Border {
    return new Border({ left: vertical, right: vertical, top: horizontal, bottom: horizontal });
  }
  /** Only the given sides. */
  static only(sides: BorderProps): Border {
    return new Border(sides);
  }
}

/** The corner radii of a `BorderRadius`, in logical pixels; an unset corner is square. */
export interface BorderRadiusProps {
  /** The top left corner's radius, in px. */
  topLeft?: number;
  /** The top right corner's radius, in px. */
  topRight?: number;
  /** The bottom left corner's radius, in px. */
  bottomLeft?: number;
  /** The bottom right corner's radius, in px. */
  bottomRight?: number;
}

export interface BorderRadius extends BorderRadiusProps {}

/** Rounded corners, with Flet's constructors: `BorderRadius.all(20)`, `BorderRadius.only({ topLeft: 8 })`. */
export class BorderRadius {
  constructor(props: BorderRadiusProps = {}) {
    Object.assign(this, props);
  }
  /** The same radius on every corner: `BorderRadius.all(8)`. */
  static all(radius: number): BorderRadius {
    return new BorderRadius({ topLeft: radius, topRight: radius, bottomLeft: radius, bottomRight: radius });
  }
  /** Some corners rounded, the others square: `BorderRadius.only({ topLeft: 12, topRight: 12 })` for a sheet's top. */
  static only(corners: BorderRadiusProps): BorderRadius {
    return new BorderRadius({ topLeft: 0, topRight: 0, bottomLeft: 0, bottomRight: 0, ...corners });
  }
  /** `left` for both left corners, `right` for both right ones. */
  static horizontal({ left = 0, right = 0 }: { left?: number; right?: number }): BorderRadius {
    return new BorderRadius({ topLeft: left, bottomLeft: left, topRight: right, bottomRight: right });
  }
  /** `top` for both top corners, `bottom` for both bottom ones. */
  static vertical({ top = 0, bottom = 0 }: { top?: number; bottom?: number }): BorderRadius {
    return new BorderRadius({ topLeft: top, topRight: top, bottomLeft: bottom, bottomRight: bottom });
  }
}
