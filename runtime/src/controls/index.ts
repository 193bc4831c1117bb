export { Control, defineControl } from "./control.ts";
export { control, type ControlInit } from "./controlDecorator.ts";
export type { ControlProps, ControlEvent, EventHandler, ControlMeta, SlotKind } from "./control.ts";
export type { PropsOf, FieldsOf, ValueTypes, BoxAlignment } from "./propsOf.ts";
export { Text, type TextProps } from "./text.ts";
export { Button, ElevatedButton, FilledButton, FilledTonalButton, OutlinedButton, TextButton, type ButtonProps, type ButtonStyleProps } from "./button.ts";
export { FloatingActionButton, type FloatingActionButtonProps } from "./floatingActionButton.ts";
export { PopupMenuButton, PopupMenuItem, type PopupMenuButtonProps, type PopupMenuItemProps, type PopupMenuSelectEvent } from "./popupMenuButton.ts";
export { SafeArea, type SafeAreaProps } from "./safeArea.ts";
export { CircleAvatar, type CircleAvatarProps } from "./circleAvatar.ts";
export {
  GestureDetector,
  type GestureDetectorProps,
  type TapEvent,
  type DragStartEvent,
  type DragUpdateEvent,
  type DragEndEvent,
  type HoverEvent,
  type Offset,
  type PointerDeviceType,
} from "./gestureDetector.ts";
export { TextField, type TextFieldProps } from "./textField.ts";
export { Checkbox, type CheckboxProps } from "./checkbox.ts";
export { Dropdown, type DropdownProps, type DropdownOption } from "./dropdown.ts";
export { Column, type ColumnProps } from "./column.ts";
export { Row, type RowProps } from "./row.ts";
export { Container, type ContainerProps } from "./container.ts";
export { ListView, type ListViewProps } from "./listView.ts";
export { Image, type ImageProps } from "./image.ts";
export { Icon, type IconProps } from "./icon.ts";
export { ProgressBar, type ProgressBarProps } from "./progressBar.ts";
export { View, type ViewProps } from "./view.ts";
export { MainAxisAlignment, CrossAxisAlignment, ScrollMode, KeyboardType, type Spacing } from "./layout.ts";
export { DialogControl, type DialogControlProps } from "./dialogControl.ts";
export { AlertDialog, type AlertDialogProps } from "./alertDialog.ts";
export { SnackBar, type SnackBarProps } from "./snackBar.ts";
export { Banner, type BannerProps } from "./banner.ts";
export { BottomSheet, type BottomSheetProps } from "./bottomSheet.ts";
export { AppBar, type AppBarProps } from "./appBar.ts";
export { NavigationBar, type NavigationBarProps, type NavigationDestination } from "./navigationBar.ts";
export { Tabs, Tab, TabBar, TabBarView, type TabsProps, type TabProps, type TabBarProps, type TabBarViewProps } from "./tabs.ts";
export { DataTable, DataColumn, DataRow, DataCell, type DataTableProps, type DataColumnProps, type DataRowProps, type DataCellProps, type DataColumnSortData } from "./dataTable.ts";
export { GridView, type GridViewProps } from "./gridView.ts";
export { Switch, type SwitchProps } from "./switch.ts";
export { Slider, type SliderProps } from "./slider.ts";
export { Radio, type RadioProps } from "./radio.ts";
export { RadioGroup, type RadioGroupProps } from "./radioGroup.ts";
export { IconButton, type IconButtonProps } from "./iconButton.ts";
export { Markdown, type MarkdownProps } from "./markdown.ts";
export { Divider, type DividerProps } from "./divider.ts";
export { Card, type CardProps } from "./card.ts";
export { Stack, type StackProps } from "./stack.ts";
