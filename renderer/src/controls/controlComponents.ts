import type { ComponentType } from "react";
import { isControlType, type ControlType } from "@weft/protocol/controls";
import type { NodeComponent } from "../ComponentsContext.ts";
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
import { Tab, TabBar, TabBarView, Tabs } from "./Tabs.tsx";
import { CircleAvatar } from "./CircleAvatar.tsx";
import { FloatingActionButton } from "./FloatingActionButton.tsx";
import { GestureDetector } from "./GestureDetector.tsx";
import { PopupMenuButton } from "./PopupMenuButton.tsx";
import { PopupMenuItem } from "./PopupMenuItem.tsx";
import { SafeArea } from "./SafeArea.tsx";
import { UnknownControl } from "./UnknownControl.tsx";

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
