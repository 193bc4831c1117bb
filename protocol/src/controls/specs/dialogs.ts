import { defineSpec } from "../spec.ts";

/** Controls shown above the page in `page.overlay`. */

/** The base of every overlay: AlertDialog, SnackBar, Banner, BottomSheet. */
export const DialogControl = defineSpec({
  type: "DialogControl",
  props: {
    /**
     * Whether it is shown. `page.showDialog()` sets it true and `page.closeDialog()` false; the
     * browser sets it false itself when the user dismisses it (Escape, a click outside, a snack
     * bar's timeout), and then fires `dismiss`.
     */
    open: "boolean",
  },
  events: {
    /**
     * Called when the user dismissed it in the browser. Not called by `page.closeDialog()` or by
     * setting `open = false`: the app already knows (as in Flet's client, which fires dismiss
     * only for a close it did not receive from the app).
     */
    onDismiss: "none",
  },
  client: ["open"],
});

export const AlertDialog = defineSpec({
  type: "AlertDialog",
  base: DialogControl,
  props: {
    /** A Material icon name shown above the title. */
    icon: "icon",
    /**
     * A modal dialog can only be closed by the app (`page.closeDialog()`, from one of its
     * actions): a click outside or Escape does nothing. Default false.
     */
    modal: "boolean",
    /** Default "end". */
    actionsAlignment: "mainAxis",
    /** The dialog's background; default the theme's surfaceContainerHigh, as in Material 3. */
    bgcolor: "color",
    /** Where the dialog sits on the page: `Alignment.TOP_CENTER`… Default center. */
    alignment: "alignment",
    /** Around the title. Default 24 on the top, left and right. */
    titlePadding: "spacing",
    /** Around the content. Default 24 on the left, right and bottom, 16 above. */
    contentPadding: "spacing",
    /** Around the actions. Default 24 on the left, right and bottom. */
    actionsPadding: "spacing",
  },
  slots: {
    /** A string or a control. */
    title: "text",
    /** The dialog's body under the title: a Text, or a Column of fields. */
    content: "one",
    /** The buttons at the bottom, typically text Buttons. */
    actions: "list",
  },
  text: ["title"],
});

export const SnackBar = defineSpec({
  type: "SnackBar",
  base: DialogControl,
  props: {
    /** The text of the action button at the end ("Undo"). */
    action: "string",
    /** How long it stays, in ms, before it closes itself (and fires `dismiss`). Default 4000. */
    duration: "number",
    /** Show a close button. */
    showCloseIcon: "boolean",
    /**
     * Stay after `duration` until the action or close button is clicked. Default: true when
     * there is an `action`, as in Flet 1.0; false otherwise.
     */
    persist: "boolean",
    /** The snack bar's background; default the theme's inverseSurface. */
    bgcolor: "color",
  },
  events: {
    /** Called when the action button is clicked; the snack bar closes. */
    onAction: "none",
  },
  slots: {
    /** The message: a string or a control. */
    content: "text",
  },
  text: ["content"],
});

export const Banner = defineSpec({
  type: "Banner",
  base: DialogControl,
  props: {
    /** The banner's background colour; default the theme's. */
    bgcolor: "color",
  },
  slots: {
    /** Shown before the content, typically an Icon. */
    leading: "one",
    /** The message: a string or a control. */
    content: "text",
    /** Buttons at the end; one of them usually calls `page.closeDialog(banner)`. */
    actions: "list",
  },
  text: ["content"],
});

export const BottomSheet = defineSpec({
  type: "BottomSheet",
  base: DialogControl,
  props: {
    /** Show the grab handle at the top; dragging it down dismisses the sheet. */
    showDragHandle: "boolean",
    /** Whether Escape, a click on the scrim or a drag down dismisses it. Default true. */
    dismissible: "boolean",
    /** The sheet's background; default the theme's surfaceContainerLow. */
    bgcolor: "color",
  },
  slots: {
    /** What the sheet shows: a Column of controls, say. It takes the height it needs, up to the page's. */
    content: "one",
  },
});
