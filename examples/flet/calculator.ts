// Ported from flet-dev/flet sdk/python/examples/tutorials/calculator/calc.py (Flet's calculator tutorial).
import { BorderRadius, Button, Colors, Column, Container, control, MainAxisAlignment, Row, Text, type ControlEvent, type Page } from "weft";

@control
class CalcButton extends Button {
  override expand: boolean | number = 1;
}

@control
class DigitButton extends CalcButton {
  override bgcolor = Colors.WHITE_24;
  override color = Colors.WHITE;
}

@control
class ActionButton extends CalcButton {
  override bgcolor = Colors.ORANGE;
  override color = Colors.WHITE;
}

@control
class ExtraActionButton extends CalcButton {
  override bgcolor = Colors.BLUE_GREY_100;
  override color = Colors.BLACK;
}

@control
export class CalculatorApp extends Container {
  operator = "+";
  operand1: number | string = 0;
  newOperand = true;
  result!: Text;

  override init() {
    this.reset();
    this.width = 350;
    this.bgcolor = Colors.BLACK;
    this.borderRadius = BorderRadius.all(20);
    this.padding = 20;
    this.result = new Text({ value: "0", color: Colors.WHITE, size: 20 });
    const clicked = (e: ControlEvent<Button>) => this.buttonClicked(e);

    this.content = new Column({
      controls: [
        new Row({
          controls: [this.result],
          alignment: MainAxisAlignment.END,
        }),
        new Row({
          controls: [
            new ExtraActionButton({ content: "AC", onClick: clicked }),
            new ExtraActionButton({ content: "+/-", onClick: clicked }),
            new ExtraActionButton({ content: "%", onClick: clicked }),
            new ActionButton({ content: "/", onClick: clicked }),
          ],
        }),
        new Row({
          controls: [
            new DigitButton({ content: "7", onClick: clicked }),
            new DigitButton({ content: "8", onClick: clicked }),
            new DigitButton({ content: "9", onClick: clicked }),
            new ActionButton({ content: "*", onClick: clicked }),
          ],
        }),
        new Row({
          controls: [
            new DigitButton({ content: "4", onClick: clicked }),
            new DigitButton({ content: "5", onClick: clicked }),
            new DigitButton({ content: "6", onClick: clicked }),
            new ActionButton({ content: "-", onClick: clicked }),
          ],
        }),
        new Row({
          controls: [
            new DigitButton({ content: "1", onClick: clicked }),
            new DigitButton({ content: "2", onClick: clicked }),
            new DigitButton({ content: "3", onClick: clicked }),
            new ActionButton({ content: "+", onClick: clicked }),
          ],
        }),
        new Row({
          controls: [
            new DigitButton({ content: "0", expand: 2, onClick: clicked }),
            new DigitButton({ content: ".", onClick: clicked }),
            new ActionButton({ content: "=", onClick: clicked }),
          ],
        }),
      ],
    });
  }

  buttonClicked(e: ControlEvent<Button>) {
    const data = e.control.content as string;
    console.log(`Button clicked with data = ${data}`);
    if (this.result.value === "Error" || data === "AC") {
      this.result.value = "0";
      this.reset();
    } else if (["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "."].includes(data)) {
      if (this.result.value === "0" || this.newOperand) {
        this.result.value = data;
        this.newOperand = false;
      } else {
        this.result.value = this.result.value + data;
      }
    } else if (["+", "-", "*", "/"].includes(data)) {
      this.result.value = String(this.calculate(this.operand1, Number(this.result.value), this.operator));
      this.operator = data;
      if (this.result.value === "Error") this.operand1 = "0";
      else this.operand1 = Number(this.result.value);
      this.newOperand = true;
    } else if (data === "=") {
      this.result.value = String(this.calculate(this.operand1, Number(this.result.value), this.operator));
      this.reset();
    } else if (data === "%") {
      this.result.value = String(Number(this.result.value) / 100);
      this.reset();
    } else if (data === "+/-") {
      if (Number(this.result.value) > 0) this.result.value = "-" + String(this.result.value);
      else if (Number(this.result.value) < 0) this.result.value = String(this.formatNumber(Math.abs(Number(this.result.value))));
    }
    this.update();
  }

  formatNumber(num: number): number {
    // Python's int(num) for a whole float; JavaScript numbers print whole values without ".0" already.
    return num % 1 === 0 ? Math.trunc(num) : num;
  }

  calculate(operand1: number | string, operand2: number, operator: string): number | string {
    const a = Number(operand1);
    if (operator === "+") return this.formatNumber(a + operand2);
    if (operator === "-") return this.formatNumber(a - operand2);
    if (operator === "*") return this.formatNumber(a * operand2);
    if (operator === "/") return operand2 === 0 ? "Error" : this.formatNumber(a / operand2);
    return operand2;
  }

  reset() {
    this.operator = "+";
    this.operand1 = 0;
    this.newOperand = true;
  }
}

export default function main(page: Page) {
  page.title = "Calc App";
  // create application instance
  const calc = new CalculatorApp();

  // add application's root control to the page
  page.add(calc);
}
