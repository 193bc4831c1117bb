import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl, type ControlEvent } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new PopupMenuItem(…)` takes: the props of PopupMenuItem, each documented where the control registry declares it (@weft/protocol/controls). */
export interface PopupMenuItemProps extends PropsOf<"PopupMenuItem", PopupMenuItem> {}
export interface PopupMenuItem extends FieldsOf<"PopupMenuItem", PopupMenuItem> {}

/**
 * One entry of a PopupMenuButton's menu: `content` (a string or a control), an optional `icon`,
 * a check mark when `checked`, and `onClick`. An item with neither content nor icon is a divider.
 *
 * ```ts
 * new PopupMenuItem({ content: "Sort by name", icon: Icons.SORT, checked: true, onClick: sort })
 * new PopupMenuItem() // a divider
 * ```
 */
export class PopupMenuItem extends Control {
  static {
    defineControl(this, controlSpecs.PopupMenuItem);
  }
  constructor(props?: PopupMenuItemProps) {
    super(props);
  }
}

/** What `onSelect` receives: `e.data` is the PopupMenuItem that was picked. */
export interface PopupMenuSelectEvent extends ControlEvent<PopupMenuButton, PopupMenuItem | undefined> {}

type PopupMenuTypes = { items: PopupMenuItem[]; onSelect: (e: PopupMenuSelectEvent) => unknown };
/** What `new PopupMenuButton(…)` takes: the props of PopupMenuButton, each documented where the control registry declares it (@weft/protocol/controls). */
export interface PopupMenuButtonProps extends PropsOf<"PopupMenuButton", PopupMenuButton, PopupMenuTypes> {}
export interface PopupMenuButton extends FieldsOf<"PopupMenuButton", PopupMenuButton, PopupMenuTypes> {}

/**
 * An icon button ("more_vert" unless `icon` or `content` says otherwise) that opens a menu of
 * `items` over itself. Picking an item calls its `onClick`, then the button's `onSelect`;
 * Escape or a click elsewhere closes the menu and calls `onCancel`.
 *
 * ```ts
 * new PopupMenuButton({ items: [new PopupMenuItem({ content: "Edit", onClick: edit }), new PopupMenuItem(), new PopupMenuItem({ content: "Delete" })] })
 * ```
 */
export class PopupMenuButton extends Control {
  static {
    defineControl(this, controlSpecs.PopupMenuButton);
  }
  constructor(props?: PopupMenuButtonProps) {
    super(props);
  }

  /** @internal the browser names the picked item by its id; the handler gets the item. */
  override _decorateEvent(event: ControlEvent): ControlEvent {
    if (event.name !== "select") return event;
    return { ...event, data: this.items.find((item) => item.id === event.data) };
  }
}

