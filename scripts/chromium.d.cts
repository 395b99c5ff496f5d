// Types of chromium.cjs for the TypeScript that imports it (the Playwright config).
export declare const STANDARD_CHROMIUM_PATHS: readonly string[];
export declare const NO_BROWSER_MESSAGE: string;
export declare function findChromium(
  env: Record<string, string | undefined>,
  isExecutable: (file: string) => boolean,
): string | null;
export declare function isExecutableFile(file: string): boolean;
export declare function installedChromium(env?: Record<string, string | undefined>): string | null;
