import type { ComponentType } from "react";
import { lazyControl } from "./lazyControl.tsx";
import { isControlType, type ControlType } from "@weft/protocol/controls";
import type { NodeComponent } from "../ComponentsContext.ts";
import { Button } from "./Button.tsx";
import { Checkbox } from "./Checkbox.tsx";
import { Column } from "./Column.tsx";
import type { ControlComponentProps } from "./common.ts";
import { Container } from "./Container.tsx";
import { Icon } from "./Icon.tsx";
import { Image } from "./Image.tsx";
import { ListView } from "./ListView.tsx";
import { Page } from "./Page.tsx";
import { ProgressBar } from "./ProgressBar.tsx";
import { Row } from "./Row.tsx";
import { Text } from "./Text.tsx";
import { TextField } from "./TextField.tsx";
import { View } from "./View.tsx";
import { AppBar } from "./AppBar.tsx";
import { Card } from "./Card.tsx";
import { Component } from "./Component.tsx";
import { Divider } from "./Divider.tsx";
import { IconButton } from "./IconButton.tsx";
import { Markdown } from "./Markdown.tsx";
import { Stack } from "./Stack.tsx";
import { SafeArea } from "./SafeArea.tsx";
import { UnknownControl } from "./UnknownControl.tsx";

// Controls few first pages draw, each in a chunk of its own (see lazyControl).
const tabs = () => import("./Tabs.tsx");
const dataTable = () => import("./DataTable.tsx");
const Banner = lazyControl("Banner", () => import("./Banner.tsx"), (m) => m.Banner);
const BottomSheet = lazyControl("BottomSheet", () => import("./BottomSheet.tsx"), (m) => m.BottomSheet);
const AlertDialog = lazyControl("AlertDialog", () => import("./AlertDialog.tsx"), (m) => m.AlertDialog);
const SnackBar = lazyControl("SnackBar", () => import("./SnackBar.tsx"), (m) => m.SnackBar);
const NavigationBar = lazyControl("NavigationBar", () => import("./NavigationBar.tsx"), (m) => m.NavigationBar);
const Radio = lazyControl("Radio", () => import("./Radio.tsx"), (m) => m.Radio);
const RadioGroup = lazyControl("RadioGroup", () => import("./RadioGroup.tsx"), (m) => m.RadioGroup);
const Slider = lazyControl("Slider", () => import("./Slider.tsx"), (m) => m.Slider);
const Switch = lazyControl("Switch", () => import("./Switch.tsx"), (m) => m.Switch);
const Dropdown = lazyControl("Dropdown", () => import("./Dropdown.tsx"), (m) => m.Dropdown);
const GridView = lazyControl("GridView", () => import("./GridView.tsx"), (m) => m.GridView);
const CircleAvatar = lazyControl("CircleAvatar", () => import("./CircleAvatar.tsx"), (m) => m.CircleAvatar);
const FloatingActionButton = lazyControl("FloatingActionButton", () => import("./FloatingActionButton.tsx"), (m) => m.FloatingActionButton);
const GestureDetector = lazyControl("GestureDetector", () => import("./GestureDetector.tsx"), (m) => m.GestureDetector);
const PopupMenuButton = lazyControl("PopupMenuButton", () => import("./PopupMenuButton.tsx"), (m) => m.PopupMenuButton);
const PopupMenuItem = lazyControl("PopupMenuItem", () => import("./PopupMenuItem.tsx"), (m) => m.PopupMenuItem);
const Tabs = lazyControl("Tabs", tabs, (m) => m.Tabs);
const TabBar = lazyControl("TabBar", tabs, (m) => m.TabBar);
const TabBarView = lazyControl("TabBarView", tabs, (m) => m.TabBarView);
const Tab = lazyControl("Tab", tabs, (m) => m.Tab);
const DataTable = lazyControl("DataTable", dataTable, (m) => m.DataTable);
const DataColumn = lazyControl("DataColumn", dataTable, (m) => m.DataColumn);
const DataRow = lazyControl("DataRow", dataTable, (m) => m.DataRow);
const DataCell = lazyControl("DataCell", dataTable, (m) => m.DataCell);

/**
 * The component for each control type. Keyed by `ControlType`, the registry of
 * `@weft/protocol/controls`: a type without a component here, or a misspelled one, fails `tsc`.
 */
export const controlComponents: { readonly [T in ControlType]: ComponentType<ControlComponentProps<T>> } = {
  Page,
  View,
  Component,
  Text,
  Markdown,
  Icon,
  Image,
  ProgressBar,
  Divider,
  CircleAvatar,
  Button,
  FilledButton: Button,
  FilledTonalButton: Button,
  OutlinedButton: Button,
  TextButton: Button,
  IconButton,
  FloatingActionButton,
  PopupMenuButton,
  PopupMenuItem,
  TextField,
  Checkbox,
  Switch,
  Slider,
  Radio,
  RadioGroup,
  Dropdown,
  GestureDetector,
  Column,
  Row,
  Container,
  ListView,
  GridView,
  Stack,
  Card,
  SafeArea,
  AppBar,
  NavigationBar,
  Tabs,
  TabBar,
  TabBarView,
  Tab,
  DataTable,
  DataColumn,
  DataRow,
  DataCell,
  AlertDialog,
  SnackBar,
  Banner,
  BottomSheet,
};

/** The component for wire type `type`, or `UnknownControl`: what `App` provides to `ControlView`. */
export function componentFor(type: string): NodeComponent {
  // The node's `t` is what picks the component, so the node is the one its component expects:
  // the one place a store node meets its type.
  return isControlType(type) ? (controlComponents[type] as unknown as NodeComponent) : UnknownControl;
}
