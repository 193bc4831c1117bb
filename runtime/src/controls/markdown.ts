import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Markdown({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface MarkdownProps extends ControlProps {
  /** CommonMark text with GitHub tables and strikethrough. HTML in it is shown as text, never run. */
  value?: string;
  /** Default true. */
  selectable?: boolean;
  /**
   * Called with the link's URL when a link is clicked, instead of opening it. Without it, links
   * open in a new tab.
   */
  onTapLink?: EventHandler<Markdown, string>;
}

export interface Markdown extends MarkdownProps {}

/** Formatted text from Markdown: `new Markdown("# Title\n\nSome *text*.")`. */
export class Markdown extends Control {
  static {
    defineControl(this, { type: "Markdown", props: ["value", "selectable"], events: ["tapLink"] });
  }
  constructor(value?: string | MarkdownProps, props?: MarkdownProps) {
    super(withPrimary("value", value, props));
  }
}
