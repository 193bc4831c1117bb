// @ts-check
// The Messages view's page: a table of protocol frames, fed by the extension ({ type } messages,
// see src/providers/messagesViewProvider.ts). No framework: it only appends rows.
(function () {
  const vscode = acquireVsCodeApi();
  const MAX_ROWS = 500;
  const table = /** @type {HTMLTableElement} */ (document.getElementById("rows"));
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  const empty = /** @type {HTMLElement} */ (document.getElementById("empty"));
  const dropped = /** @type {HTMLElement} */ (document.getElementById("dropped"));
  const detail = /** @type {HTMLElement} */ (document.getElementById("detail"));
  const detailTitle = /** @type {HTMLElement} */ (document.getElementById("detail-title"));
  const detailText = /** @type {HTMLElement} */ (document.getElementById("detail-text"));
  let emptyText = "No session is shown.";
  let selected = /** @type {HTMLTableRowElement | null} */ (null);

  /** @param {{ seq: number; direction: string; kind: string; bytes: number; ops?: number; preview: string; at: number }} row */
  function rowElement(row) {
    const tr = document.createElement("tr");
    tr.dataset.seq = String(row.seq);
    tr.dataset.direction = row.direction;
    tr.setAttribute("data-testid", "message-row");
    tr.title = new Date(row.at).toLocaleTimeString() + " — click to see the whole frame";
    const cells = [row.direction === "in" ? "↑" : "↓", String(row.seq), row.kind, String(row.bytes), row.ops === undefined ? "" : String(row.ops), row.preview];
    cells.forEach((text, i) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (i === 0) td.className = "dir " + row.direction;
      if (i === 3 || i === 4) td.className = "num";
      if (i === 5) td.className = "preview";
      tr.appendChild(td);
    });
    return tr;
  }

  function showEmpty() {
    const none = body.rows.length === 0;
    table.hidden = none;
    empty.hidden = !none;
    empty.textContent = emptyText;
  }

  /** @param {any[]} rows */
  function append(rows) {
    const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.appendChild(rowElement(row));
    body.appendChild(fragment);
    while (body.rows.length > MAX_ROWS) body.deleteRow(0);
    showEmpty();
    if (atBottom) window.scrollTo(0, document.body.scrollHeight);
  }

  body.addEventListener("click", (event) => {
    const tr = /** @type {HTMLElement} */ (event.target).closest("tr");
    if (!tr || !tr.dataset.seq) return;
    selected?.classList.remove("selected");
    selected = /** @type {HTMLTableRowElement} */ (tr);
    selected.classList.add("selected");
    detail.hidden = false;
    detailTitle.textContent = "Frame #" + tr.dataset.seq + " (loading…)";
    detailText.textContent = "";
    vscode.postMessage({ type: "open", seq: Number(tr.dataset.seq) });
  });
  document.getElementById("detail-close")?.addEventListener("click", () => {
    detail.hidden = true;
    selected?.classList.remove("selected");
    selected = null;
  });

  window.addEventListener("message", (event) => {
    const message = event.data;
    switch (message.type) {
      case "reset":
        body.textContent = "";
        emptyText = message.empty;
        dropped.hidden = true;
        detail.hidden = true;
        append(message.rows);
        break;
      case "append":
        append(message.rows);
        break;
      case "dropped":
        dropped.hidden = false;
        dropped.textContent = message.count + " rows were dropped while the view fell behind.";
        break;
      case "detail":
        if (selected?.dataset.seq !== String(message.seq)) break;
        detailTitle.textContent = "Frame #" + message.seq;
        detailText.textContent = message.text;
        break;
      case "detail-gone":
        if (selected?.dataset.seq !== String(message.seq)) break;
        detailTitle.textContent = "Frame #" + message.seq;
        detailText.textContent = "Its text is no longer kept by the app (" + message.reason + ").";
        break;
    }
  });

  vscode.postMessage({ type: "ready" });
})();
