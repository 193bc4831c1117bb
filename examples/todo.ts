import { Button, Checkbox, Column, Page, Row, Text, TextField } from "weft";

/**
 * Flet's classic todo app: add, complete, edit, delete, filter tabs, clear completed.
 * TodoItem shows the "reusable control" style: state in fields, behaviour in methods.
 */
class TodoItem extends Row {
  completed = false;
  private readonly checkbox: Checkbox;
  private readonly editField: TextField;
  private readonly display: Row;
  private readonly editor: Row;

  constructor(
    public name: string,
    private readonly onStatusChange: () => void,
    private readonly onDelete: (item: TodoItem) => void,
  ) {
    super({ key: `todo-${slug(name)}`, alignment: "spaceBetween", verticalAlignment: "center" });
    this.checkbox = new Checkbox({ value: false, label: name, key: "done", onChange: () => this.statusChanged() });
    this.editField = new TextField({ value: name, key: "edit-name", expand: true, onSubmit: () => this.saveClicked() });
    this.display = new Row({
      alignment: "spaceBetween",
      verticalAlignment: "center",
      expand: true,
      controls: [
        this.checkbox,
        new Row({
          spacing: 0,
          controls: [
            new Button({ text: "Edit", variant: "text", key: "edit", onClick: () => this.editClicked() }),
            new Button({ text: "Delete", variant: "text", key: "delete", onClick: () => this.onDelete(this) }),
          ],
        }),
      ],
    });
    this.editor = new Row({
      visible: false,
      expand: true,
      controls: [this.editField, new Button({ text: "Save", key: "save", onClick: () => this.saveClicked() })],
    });
    this.controls = [this.display, this.editor];
  }

  editClicked() {
    this.editField.value = this.name;
    this.display.visible = false;
    this.editor.visible = true;
  }

  saveClicked() {
    this.name = this.editField.value ?? this.name;
    this.checkbox.label = this.name;
    this.display.visible = true;
    this.editor.visible = false;
  }

  statusChanged() {
    this.completed = this.checkbox.value === true;
    this.onStatusChange();
  }
}

class TodoApp extends Column {
  private readonly newTask = new TextField({ hint: "What needs to be done?", key: "new-task", expand: true });
  private readonly tasks = new Column({ key: "tasks", spacing: 4 });
  private readonly itemsLeft = new Text({ value: "0 items left", key: "items-left" });
  private readonly filters: Button[];
  private filter: "all" | "active" | "completed" = "all";

  constructor() {
    super({ width: 600, spacing: 16 });
    this.newTask.onSubmit = () => this.addClicked();
    this.filters = (["all", "active", "completed"] as const).map(
      (name) =>
        new Button({
          text: name[0]!.toUpperCase() + name.slice(1),
          key: `filter-${name}`,
          variant: name === "all" ? "tonal" : "text",
          onClick: () => this.setFilter(name),
        }),
    );
    this.controls = [
      new Text({ value: "Todos", style: "headlineMedium", key: "title" }),
      new Row({ controls: [this.newTask, new Button({ text: "Add", key: "add", onClick: () => this.addClicked() })] }),
      new Row({ key: "filters", controls: this.filters }),
      this.tasks,
      new Row({
        alignment: "spaceBetween",
        verticalAlignment: "center",
        controls: [this.itemsLeft, new Button({ text: "Clear completed", variant: "outlined", key: "clear", onClick: () => this.clearClicked() })],
      }),
    ];
  }

  addClicked() {
    const name = (this.newTask.value ?? "").trim();
    if (name) {
      this.tasks.controls.push(new TodoItem(name, () => this.refresh(), (item) => this.deleteTask(item)));
      this.newTask.value = "";
    }
    this.refresh();
    void this.newTask.focus().catch(() => {});
  }

  deleteTask(item: TodoItem) {
    this.tasks.controls.splice(this.tasks.controls.indexOf(item), 1);
    this.refresh();
  }

  setFilter(filter: "all" | "active" | "completed") {
    this.filter = filter;
    this.refresh();
  }

  clearClicked() {
    this.tasks.controls = this.tasks.controls.filter((item) => !(item as TodoItem).completed);
    this.refresh();
  }

  refresh() {
    let left = 0;
    for (const item of this.tasks.controls as TodoItem[]) {
      item.visible = this.filter === "all" || (this.filter === "active") === !item.completed;
      if (!item.completed) left++;
    }
    this.itemsLeft.value = `${left} item${left === 1 ? "" : "s"} left`;
    for (const button of this.filters) button.variant = button.key === `filter-${this.filter}` ? "tonal" : "text";
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "item";
}

export default function main(page: Page) {
  page.title = "Todos";
  page.add(new Row({ alignment: "center", controls: [new TodoApp()] }));
}
