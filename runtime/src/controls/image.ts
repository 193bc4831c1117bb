import { Control, defineControl, type ControlProps } from "./control.ts";
import type { BorderRadius } from "../style/border.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Image({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ImageProps extends ControlProps {
  src?: string;
  alt?: string;
  fit?: "contain" | "cover" | "fill" | "none" | "scaleDown";
  borderRadius?: number | BorderRadius;
}

export interface Image extends ImageProps {}

/** An image by URL (or data: URL). */
export class Image extends Control {
  static {
    defineControl(this, { type: "Image", props: ["src", "alt", "fit", "borderRadius"] });
  }
  constructor(src?: string | ImageProps, props?: ImageProps) {
    super(withPrimary("src", src, props));
  }
}
