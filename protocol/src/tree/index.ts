export { applyTreeOp, type Place, type SubtreeNode, type TreeOpOf, type TreeTarget } from "./applyTreeOp.ts";
export { TreeOpError, type TreeOpErrorCode } from "./treeOpError.ts";
export { applyInfoChange, controlInfo, type ControlInfo } from "./controlInfo.ts";
