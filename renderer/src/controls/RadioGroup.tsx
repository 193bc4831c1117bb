import { createContext, useMemo } from "react";
import type { PropValue } from "@weft/protocol";
import { renderSlot } from "../ControlView.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, DisabledContext, useDisabled, type ControlComponentProps } from "./common.ts";

/** What a Radio needs from the group it stands in. */
export interface RadioGroupInfo {
  /** The `name` shared by the group's inputs, so the browser keeps one picked. */
  name: string;
  /** The picked value as JSON, so a number 3 and a string "3" differ, as in Flet. */
  value: string | null;
  select(value: PropValue): void;
}

export const RadioGroupContext = createContext<RadioGroupInfo | null>(null);

/**
 * Groups the Radios under its `content`, wherever they are. Draws no box of its own
 * (`display: contents`): the content lays out as if it stood in the group's place.
 */
export function RadioGroup({ node }: ControlComponentProps<"RadioGroup">) {
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const value = node.p.value === undefined || node.p.value === null ? null : JSON.stringify(node.p.value);
  const info = useMemo<RadioGroupInfo>(
    () => ({ name: `weft-radio-${node.id}`, value, select: (v) => events.change({ value: v }, v) }),
    [node.id, value, events],
  );
  const attrs = baseAttributes(node, "weft-radiogroup");
  return (
    <div {...attrs} style={undefined} role="radiogroup">
      <DisabledContext value={disabled}>
        <RadioGroupContext value={info}>{renderSlot(node, "content")}</RadioGroupContext>
      </DisabledContext>
    </div>
  );
}
