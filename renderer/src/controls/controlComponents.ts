import type { ComponentType } from "react";
import { Button } from "./Button.tsx";
import { Checkbox } from "./Checkbox.tsx";
import { Column } from "./Column.tsx";
import type { ControlComponentProps } from "./common.ts";
import { Container } from "./Container.tsx";
import { Dropdown } from "./Dropdown.tsx";
import { Icon } from "./Icon.tsx";
import { Image } from "./Image.tsx";
import { ListView } from "./ListView.tsx";
import { Page } from "./Page.tsx";
import { ProgressBar } from "./ProgressBar.tsx";
import { Row } from "./Row.tsx";
import { Text } from "./Text.tsx";
import { TextField } from "./TextField.tsx";
import { View } from "./View.tsx";

/**
 * The component for each wire type `t`. A Map, not an object: a type named like an Object
 * member ("constructor") must fall through to the unknown-type fallback.
 */
export const controlComponents: ReadonlyMap<string, ComponentType<ControlComponentProps>> = new Map<
  string,
  ComponentType<ControlComponentProps>
>([
  ["Page", Page],
  ["View", View],
  ["Text", Text],
  ["Button", Button],
  ["TextField", TextField],
  ["Checkbox", Checkbox],
  ["Dropdown", Dropdown],
  ["Column", Column],
  ["Row", Row],
  ["Container", Container],
  ["ListView", ListView],
  ["Image", Image],
  ["Icon", Icon],
  ["ProgressBar", ProgressBar],
]);
