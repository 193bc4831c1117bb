/** `weft/protocol`: the app protocol, kept for apps that import it from here. Its home is `@weft/protocol`. */
export * from "@weft/protocol";
