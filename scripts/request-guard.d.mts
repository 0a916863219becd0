import type { ServerResponse } from 'node:http';

export declare const ALLOWED_METHODS: string[];
export declare const WRITE_ROUTES: [RegExp, string[]][];
export declare function allowedMethods(path: string): string[];
export declare function checkRequest(method: string, rawUrl: string): { status: 400 | 405; reason: string; path: string; allow?: string[] } | null;
export declare function refuse(res: ServerResponse, refused: { status: 400 | 405; reason: string; path: string; allow?: string[] }, ctx: { method: string; securityHeaders: { key: string; value: string }[]; log: (line: string, level: 'info' | 'warn') => void }): void;
