import { useEffect, useMemo, useState, type MouseEvent } from "react";
import type MarkdownIt from "markdown-it";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, str, type ControlComponentProps } from "./common.ts";

let parser: MarkdownIt | null = null;
let loading: Promise<MarkdownIt> | null = null;

/**
 * markdown-it, loaded on first use: it is most of a Markdown control's weight and many apps
 * never show one, so it lives in its own chunk. `html: false` makes any HTML in the text show as
 * text (an app may pass user input here); markdown-it also refuses `javascript:` links.
 */
function loadParser(): Promise<MarkdownIt> {
  loading ??= import("markdown-it").then(({ default: create }) => {
    const md = create({ html: false, linkify: true });
    const openLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
    md.renderer.rules.link_open = (tokens, i, options, env, self) => {
      tokens[i]!.attrSet("target", "_blank");
      tokens[i]!.attrSet("rel", "noopener noreferrer");
      return openLink(tokens, i, options, env, self);
    };
    parser = md;
    return md;
  });
  return loading;
}

/**
 * Formatted text from Markdown (CommonMark plus tables and strikethrough). Until the parser has
 * loaded, the raw text shows. A click on a link sends `tapLink` with its URL when the app
 * handles it; otherwise the link opens in a new tab.
 */
export function Markdown({ node }: ControlComponentProps<"Markdown">) {
  const p = node.p;
  const events = useEvents(node.id);
  const [ready, setReady] = useState(parser !== null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadParser().then(
      () => live && setReady(true),
      (err) => console.warn("[weft] could not load the Markdown parser; showing plain text", err),
    );
    return () => {
      live = false;
    };
  }, [ready]);
  const value = str(p.value);
  const html = useMemo(() => (ready && parser ? parser.render(value) : null), [ready, value]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as Element).closest("a[href]");
    if (!link || !node.h.includes("tapLink")) return;
    e.preventDefault();
    events.event("tapLink", link.getAttribute("href") ?? "");
  };
  const className = `weft-markdown${p.selectable === false ? " weft-markdown--unselectable" : ""}`;
  if (html === null) {
    return (
      <div {...baseAttributes(node, `${className} weft-markdown--loading`)}>
        {value}
      </div>
    );
  }
  return <div {...baseAttributes(node, className)} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
