import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";
import { defineAlias } from "./alias.ts";

/** weft's older name for `content`. */
interface ButtonAliases {
  /**
   * The label, when it is a string.
   * @deprecated Use `content` (Flet 1.0): `new Button("Save")` or `new Button({ content: "Save" })`.
   */
  text?: string;
}
/** What `new Button(…)` takes: the props of Button, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ButtonProps extends PropsOf<"Button", Button>, ButtonAliases {}
export interface Button extends FieldsOf<"Button", Button>, ButtonAliases {}

/**
 * Flet's `Button`, Material 3's elevated button: a label (`content`, a string or a control) and
 * an optional icon, on the surfaceContainerLow colour with a shadow.
 *
 * ```ts
 * new Button("Save", { onClick: save })
 * new Button({ content: "7", expand: 1, onClick: (e) => pressed(e.control.content) })
 * new Button({ content: "Add", icon: Icons.ADD })
 * ```
 * For other emphasis use `FilledButton`, `FilledTonalButton`, `OutlinedButton` or `TextButton`.
 */
export class Button extends Control {
  static {
    defineControl(this, controlSpecs.Button);
    defineAlias(this, "text", "content");
  }
  constructor(content?: string | Control | ButtonProps, props?: ButtonProps) {
    super(withPrimary("content", content, props));
  }
}

/**
 * Flet's ElevatedButton: the same as `Button`, which is elevated.
 * @deprecated Use `Button`, as Flet 1.0 does (it deprecated ElevatedButton in 0.80).
 */
export class ElevatedButton extends Button {}

/** Props of FilledButton, FilledTonalButton, OutlinedButton and TextButton: those of Button. */
export type ButtonStyleProps<C extends Button> = PropsOf<"Button", C> & ButtonAliases;

/**
 * Material 3's filled button: primary behind onPrimary, for the most important action of a
 * screen ("Save", "Join now"). `new FilledButton("Apply settings", { onClick })`.
 */
export class FilledButton extends Button {
  static {
    defineControl(this, controlSpecs.FilledButton);
  }
  constructor(content?: string | Control | ButtonStyleProps<FilledButton>, props?: ButtonStyleProps<FilledButton>) {
    super(content as ButtonProps, props as ButtonProps);
  }
}

/** A filled button in the secondary container colour: less emphasis than FilledButton. */
export class FilledTonalButton extends Button {
  static {
    defineControl(this, controlSpecs.FilledTonalButton);
  }
  constructor(content?: string | Control | ButtonStyleProps<FilledTonalButton>, props?: ButtonStyleProps<FilledTonalButton>) {
    super(content as ButtonProps, props as ButtonProps);
  }
}

/** A button with an outline and no fill: medium emphasis, for secondary actions. */
export class OutlinedButton extends Button {
  static {
    defineControl(this, controlSpecs.OutlinedButton);
  }
  constructor(content?: string | Control | ButtonStyleProps<OutlinedButton>, props?: ButtonStyleProps<OutlinedButton>) {
    super(content as ButtonProps, props as ButtonProps);
  }
}

/** A button with no container: the lowest emphasis, for a dialog's or a card's actions. `new TextButton("Cancel")`. */
export class TextButton extends Button {
  static {
    defineControl(this, controlSpecs.TextButton);
  }
  constructor(content?: string | Control | ButtonStyleProps<TextButton>, props?: ButtonStyleProps<TextButton>) {
    super(content as ButtonProps, props as ButtonProps);
  }
}
