export declare function liveCommand(
  env: Record<string, string | undefined>,
  extra?: string[],
): { notRun: string; argv?: undefined } | { argv: string[]; notRun?: undefined };
