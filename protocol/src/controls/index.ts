/**
 * `@weft/protocol/controls`: every control type's wire declaration (its props and their kinds,
 * events, slots, browser-set props, shown text and summary), and the registry of the types the
 * renderer draws. docs/adding-a-control.md walks through adding one. No Node, no DOM.
 */
export * from "./spec.ts";
export * from "./registry.ts";
