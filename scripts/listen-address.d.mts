export declare function listenAddress(env: Record<string, string | undefined>): { host: string; port: string };
