export declare const TEST_CLOCK_NOW: string;
export declare const TEST_CLOCK_GUARD: string;
