import { Control, defineControl, type ControlProps } from "./control.ts";
import type { BorderRadius } from "../style/border.ts";
import type { Spacing } from "./layout.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Card({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface CardProps extends ControlProps {
  content?: Control;
  /** Shadow depth, 0–5. Default 1 (elevated), 0 for "filled" and "outlined". */
  elevation?: number;
  /** Material 3 card styles. Default "elevated". */
  variant?: "elevated" | "filled" | "outlined";
  /** Background colour. */
  color?: string;
  margin?: Spacing;
  /** Corner radius in px. Default 12. */
  borderRadius?: number | BorderRadius;
}

export interface Card extends CardProps {}

/** A rounded surface holding one child: `new Card(new Container({ padding: 16, content }))`. */
export class Card extends Control {
  static {
    defineControl(this, { type: "Card", props: ["elevation", "variant", "color", "margin", "borderRadius"], slots: { content: "one" } });
  }
  constructor(content?: Control | CardProps, props?: CardProps) {
    super(withPrimary("content", content, props));
  }
}
