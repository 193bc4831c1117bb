// Ported from flet-dev/flet sdk/python/examples/apps/todo/main.py (Flet's To-Do tutorial app).
import {
  Checkbox,
  Colors,
  Column,
  CrossAxisAlignment,
  FloatingActionButton,
  IconButton,
  Icons,
  MainAxisAlignment,
  OutlinedButton,
  Row,
  SafeArea,
  ScrollMode,
  Tab,
  TabBar,
  Tabs,
  Text,
  TextField,
  TextThemeStyle,
  type Page,
} from "weft";

class Task extends Column {
  completed = false;
  taskName: string;
  taskDelete: (task: Task) => void;
  displayTask!: Checkbox;
  editName!: TextField;
  displayView!: Row;
  editView!: Row;

  constructor(taskName: string, taskDelete: (task: Task) => void) {
    super();
    this.taskName = taskName;
    this.taskDelete = taskDelete;
  }

  override build() {
    this.displayTask = new Checkbox({ value: false, label: this.taskName, onChange: () => this.statusChanged() });
    this.editName = new TextField({ expand: 1 });

    this.displayView = new Row({
      alignment: MainAxisAlignment.SPACE_BETWEEN,
      verticalAlignment: CrossAxisAlignment.CENTER,
      controls: [
        this.displayTask,
        new Row({
          spacing: 0,
          controls: [
            new IconButton({ icon: Icons.CREATE_OUTLINED, tooltip: "Edit To-Do", onClick: () => this.editClicked() }),
            new IconButton(Icons.DELETE_OUTLINE, { tooltip: "Delete To-Do", onClick: () => this.deleteClicked() }),
          ],
        }),
      ],
    });

    this.editView = new Row({
      visible: false,
      alignment: MainAxisAlignment.SPACE_BETWEEN,
      verticalAlignment: CrossAxisAlignment.CENTER,
      controls: [
        this.editName,
        new IconButton({
          icon: Icons.DONE_OUTLINE_OUTLINED,
          iconColor: Colors.GREEN,
          tooltip: "Update To-Do",
          onClick: () => this.saveClicked(),
        }),
      ],
    });
    this.controls = [this.displayView, this.editView];
  }

  editClicked() {
    this.editName.value = this.displayTask.label;
    this.displayView.visible = false;
    this.editView.visible = true;
  }

  saveClicked() {
    this.displayTask.label = this.editName.value;
    this.displayView.visible = true;
    this.editView.visible = false;
  }

  statusChanged() {
    this.completed = this.displayTask.value === true;
  }

  deleteClicked() {
    this.taskDelete(this);
  }
}

export class TodoApp extends Column {
  newTask!: TextField;
  tasks!: Column;
  filter!: TabBar;
  filterTabs!: Tabs;
  itemsLeft!: Text;

  override build() {
    this.newTask = new TextField({
      key: "new_task",
      hintText: "What needs to be done?",
      onSubmit: () => this.addClicked(),
      expand: true,
    });
    this.tasks = new Column();

    this.filter = new TabBar({
      scrollable: false,
      tabs: [new Tab({ label: "all" }), new Tab({ label: "active" }), new Tab({ label: "completed" })],
    });

    this.filterTabs = new Tabs({
      length: 3,
      selectedIndex: 0,
      onChange: () => this.update(),
      content: this.filter,
    });

    this.itemsLeft = new Text("0 items left");

    this.width = 600;
    this.controls = [
      new Row([new Text({ value: "Todos", themeStyle: TextThemeStyle.HEADLINE_MEDIUM })], {
        alignment: MainAxisAlignment.CENTER,
      }),
      new Row({
        controls: [
          this.newTask,
          new FloatingActionButton({ key: "add_task", icon: Icons.ADD, onClick: () => this.addClicked() }),
        ],
      }),
      new Column({
        spacing: 25,
        controls: [
          this.filterTabs,
          this.tasks,
          new Row({
            alignment: MainAxisAlignment.SPACE_BETWEEN,
            verticalAlignment: CrossAxisAlignment.CENTER,
            controls: [this.itemsLeft, new OutlinedButton({ content: "Clear completed", onClick: () => this.clearClicked() })],
          }),
        ],
      }),
    ];
  }

  async addClicked() {
    if (this.newTask.value) {
      const task = new Task(this.newTask.value, (t) => this.taskDelete(t));
      this.tasks.controls.push(task);
      this.newTask.value = "";
      await this.newTask.focus();
    }
  }

  taskDelete(task: Task) {
    this.tasks.controls.splice(this.tasks.controls.indexOf(task), 1);
  }

  clearClicked() {
    for (const task of [...this.tasks.controls] as Task[]) {
      if (task.completed) this.taskDelete(task);
    }
  }

  override beforeUpdate() {
    const status = (this.filter.tabs[this.filterTabs.selectedIndex ?? 0] as Tab).label;
    let count = 0;
    for (const task of this.tasks.controls as Task[]) {
      task.visible =
        status === "all" || (status === "active" && !task.completed) || (status === "completed" && task.completed);
      if (!task.completed) count += 1;
    }
    this.itemsLeft.value = `${count} active item(s) left`;
  }
}

export default function main(page: Page) {
  page.title = "ToDo App";
  page.horizontalAlignment = CrossAxisAlignment.CENTER;
  page.scroll = ScrollMode.ADAPTIVE;
  page.add(new SafeArea({ content: new TodoApp() }));
}
