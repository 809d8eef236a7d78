export declare function findChromium(
  env?: Record<string, string | undefined>,
  executable?: (file: string) => boolean,
): string | undefined;
export declare const HOW: string;
