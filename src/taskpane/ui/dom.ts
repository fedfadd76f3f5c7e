/** Tiny DOM helpers. Data from files only ever reaches the page through textContent. */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The task pane page lacks #${id}`);
  return el as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title !== undefined) node.title = props.title;
  for (const c of children) node.append(c);
  return node;
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const o = el("option", { text: label });
  o.value = value;
  o.selected = selected;
  return o;
}

/** Calls `read` with a file chosen in `input` or dropped on `drop`, marking the drop zone while a file is over it. */
export function onFileChosen(input: HTMLInputElement, drop: HTMLElement, read: (file: File) => void): void {
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) read(file);
  });
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    const file = e.dataTransfer?.files?.[0];
    if (file) read(file);
  });
}
