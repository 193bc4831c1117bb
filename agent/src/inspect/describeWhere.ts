/**
 * Where an error happened, as the runtime says it (`onClick of #8`, `render of Counter#12`),
 * named the tools' way: the runtime writes the control's id after `#`, which in every tool means
 * a key. The control becomes `Button#inc` (or `Text@8`), and its id is returned for a link.
 */
export function describeWhere(where: string, labelOf: (id: number) => string | undefined): { where: string; id?: number } {
  const handler = /^(on\w+) of #(\d+)$/.exec(where);
  if (handler) {
    const id = Number(handler[2]);
    return { where: `${handler[1]} of ${labelOf(id) ?? `control @${id}`}`, id };
  }
  const render = /^render of (.+)#(\d+)$/.exec(where);
  if (render) {
    const id = Number(render[2]);
    return { where: `render of ${labelOf(id) ?? `${render[1]}@${id}`}`, id };
  }
  return { where };
}
