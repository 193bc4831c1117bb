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
import { AlertDialog } from "./AlertDialog.tsx";
import { AppBar } from "./AppBar.tsx";
import { Banner } from "./Banner.tsx";
import { BottomSheet } from "./BottomSheet.tsx";
import { Card } from "./Card.tsx";
import { Component } from "./Component.tsx";
import { DataCell, DataColumn, DataRow, DataTable } from "./DataTable.tsx";
import { Divider } from "./Divider.tsx";
import { GridView } from "./GridView.tsx";
import { IconButton } from "./IconButton.tsx";
import { Markdown } from "./Markdown.tsx";
import { NavigationBar } from "./NavigationBar.tsx";
import { Radio } from "./Radio.tsx";
import { RadioGroup } from "./RadioGroup.tsx";
import { SnackBar } from "./SnackBar.tsx";
import { Slider } from "./Slider.tsx";
import { Stack } from "./Stack.tsx";
import { Switch } from "./Switch.tsx";
import { Tab, Tabs } from "./Tabs.tsx";
import { UnknownControl } from "./UnknownControl.tsx";

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
  ["Component", Component],
  ["AppBar", AppBar],
  ["NavigationBar", NavigationBar],
  ["Tabs", Tabs],
  ["Tab", Tab],
  ["DataTable", DataTable],
  ["DataColumn", DataColumn],
  ["DataRow", DataRow],
  ["DataCell", DataCell],
  ["GridView", GridView],
  ["Switch", Switch],
  ["Slider", Slider],
  ["Radio", Radio],
  ["RadioGroup", RadioGroup],
  ["IconButton", IconButton],
  ["Markdown", Markdown],
  ["Divider", Divider],
  ["Card", Card],
  ["Stack", Stack],
  ["AlertDialog", AlertDialog],
  ["SnackBar", SnackBar],
  ["Banner", Banner],
  ["BottomSheet", BottomSheet],
]);

/** The component for wire type `type`, or `UnknownControl`: what `App` provides to `ControlView`. */
export function componentFor(type: string): ComponentType<ControlComponentProps> {
  return controlComponents.get(type) ?? UnknownControl;
}
