// Ported from flet-dev/flet sdk/python/examples/apps/7guis/temperature_converter/main.py (7GUIs task 2: Temperature Converter).
import {
  Colors,
  Column,
  Container,
  CrossAxisAlignment,
  FontWeight,
  InputFilter,
  KeyboardType,
  MainAxisAlignment,
  Row,
  SafeArea,
  Text,
  TextField,
  type ControlEvent,
  type Page,
} from "weft";

const FIELD_INPUT_FILTER = new InputFilter({
  regexString: "^-?[0-9]*\\.?[0-9]*$", // numeric input only with optional "-" and "."
  allow: true,
  replacementString: "",
});

/**
 * Format a temperature value for display: rounded to 2 decimal places; a whole value without a
 * decimal point (5), otherwise without trailing zeros (5.20 -> 5.2).
 */
export function formatTemperature(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (Number.isInteger(rounded)) return String(rounded);
  return rounded.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

/** Convert a temperature from Celsius to Fahrenheit. */
export const celsiusToFahrenheit = (value: number) => (value * 9) / 5 + 32;

/** Convert a temperature from Fahrenheit to Celsius. */
export const fahrenheitToCelsius = (value: number) => ((value - 32) * 5) / 9;

export default function main(page: Page) {
  page.title = "7GUIs - Temperature Converter";
  page.horizontalAlignment = CrossAxisAlignment.CENTER;
  page.verticalAlignment = MainAxisAlignment.CENTER;

  function syncFields(source: TextField, target: TextField, convert: (value: number) => number) {
    const value = (source.value ?? "").trim();
    if (!value) {
      target.value = "";
      target.update();
      return;
    }
    // Python's float() refuses "-" or "."; Number() would read "" as 0, so check the shape.
    const sourceValue = Number(value);
    if (!/[0-9]/.test(value) || Number.isNaN(sourceValue)) return;
    const targetValue = convert(sourceValue);

    target.value = formatTemperature(targetValue);
    page.update();
  }

  function handleCelsiusChange(_e: ControlEvent<TextField>): void {
    syncFields(celsius, fahrenheit, celsiusToFahrenheit);
  }
  function handleFahrenheitChange(_e: ControlEvent<TextField>): void {
    syncFields(fahrenheit, celsius, fahrenheitToCelsius);
  }

  const celsius: TextField = new TextField({
    label: "Celsius",
    suffix: "°C",
    expand: true,
    keyboardType: KeyboardType.NUMBER,
    inputFilter: FIELD_INPUT_FILTER,
    onChange: handleCelsiusChange,
  });
  const fahrenheit: TextField = new TextField({
    label: "Fahrenheit",
    suffix: "°F",
    expand: true,
    keyboardType: KeyboardType.NUMBER,
    inputFilter: FIELD_INPUT_FILTER,
    onChange: handleFahrenheitChange,
  });

  page.add(
    new SafeArea({
      content: new Container({
        width: 460,
        padding: 28,
        borderRadius: 24,
        bgcolor: Colors.AMBER_50,
        content: new Column({
          tight: true,
          spacing: 18,
          controls: [
            new Text("Temperature Converter", { size: 28, weight: FontWeight.W_700 }),
            new Text("Edit either field and the other one updates immediately.", { color: Colors.BLUE_GREY_700 }),
            new Row({ alignment: MainAxisAlignment.CENTER, controls: [celsius, new Text("="), fahrenheit] }),
          ],
        }),
      }),
    }),
  );
}
