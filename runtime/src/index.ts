/**
 * weft: the app author's API. This file only re-exports; what it does not export is private.
 */
export * from "./controls/index.ts";
export { Page, type PageHandler, type RouteChangeEvent, type ViewPopEvent } from "./page/page.ts";
export { ClientStorage } from "./page/clientStorage.ts";
export { Window, type WindowEvent, type WindowEventType } from "./desktop/window.ts";
// `#run`: the Node `run()` (a server) or, in a static build, the browser one (package.json "imports").
export { run, type RunOptions } from "#run";
export { PubSubClient } from "./pubsub/pubsubClient.ts";
export { PubSubHub, createMemoryTransport, type PubSubTransport, type PubSubEnvelope } from "./pubsub/pubsubHub.ts";
export { component, ComponentControl, type Component, type ComponentFn } from "./components/componentControl.ts";
export { useState, useEffect, useMemo, useCallback, useRef, useContext, createContext, HookOrderError, type Context } from "./components/hooks.ts";
export type { AppMain, SessionState } from "./session/session.ts";
export type { SessionOptions } from "./session/options.ts";
export { WeftError, type WeftErrorCode } from "./errors.ts";
export { describeThrown } from "./thrownValue.ts";
export type { HookEvent, HookListener, HookSubscribeOptions, WeftHook } from "./hook.ts";
export type { ControlPlace, SessionDescription, WeftInspection } from "./inspection.ts";
export { PROTOCOL_VERSION } from "@weft/protocol";
export { Colors, type ColorValue, type ColorName } from "./constants/colors.ts";
export { Icons, type IconValue } from "./constants/icons.ts";
export { CupertinoIcons } from "./constants/cupertinoIcons.ts";
export { TextAlign, TextThemeStyle, FontWeight } from "./constants/textStyles.ts";
export { Theme, ColorScheme, ThemeMode, VisualDensity, type ThemeProps, type ColorSchemeProps } from "./style/theme.ts";
export { TextStyle, type TextStyleProps } from "./style/textStyle.ts";
export { Border, BorderSide, BorderRadius, type BorderProps, type BorderSideProps, type BorderRadiusProps } from "./style/border.ts";
