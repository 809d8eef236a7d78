import type { Plugin } from "esbuild";
export declare const browserSiblings: Plugin;
